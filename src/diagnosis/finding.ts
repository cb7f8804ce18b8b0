import { PasskeyDoctorError } from '../errors/catalog';
import { FINDING_CODES, type FindingCode } from '../model/findingCodes';
import { FINDING_WORDS, fillIn, type FindingParams } from '../model/findingWords';
import type { FactGap } from '../model/facts';
import type { Finding } from '../model/verdictTypes';

interface FindingDetails {
  fix?: string;
  evidence?: Record<string, unknown>;
  /** Extra Microsoft Learn links after the catalogue's own. */
  docs?: string[];
}

/**
 * A finding in the words beside the catalogue (src/model/findingWords.ts):
 * the rule gives the code, which reading of it (`variant`) and the parameters.
 */
export function said(
  code: FindingCode,
  params: FindingParams,
  details: Omit<FindingDetails, 'fix'> & { variant?: string } = {},
): Finding {
  const text = FINDING_WORDS[code]?.[details.variant ?? 'default'];
  if (!text) throw new PasskeyDoctorError('INTERNAL', 'findingWords', { code, variant: details.variant ?? 'default' });
  const { variant: _variant, ...rest } = details;
  return finding(code, fillIn(text.message, params), { ...rest, ...(text.fix ? { fix: fillIn(text.fix, params) } : {}) });
}

/** A finding with the severity and docs its code carries in the catalogue. */
export function finding(code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const spec = FINDING_CODES[code];
  const docs = [...new Set([...spec.docs, ...(details.docs ?? [])])];
  return {
    code,
    severity: spec.severity,
    message,
    ...(details.fix ? { fix: details.fix } : {}),
    ...(details.evidence ? { evidence: details.evidence } : {}),
    ...(docs.length ? { docs } : {}),
  };
}

const GAP_FIXES: Record<FactGap['code'], string> = {
  'GRAPH.PERMISSION_MISSING': 'Grant the named Microsoft Graph application permission to Passkey Doctor (admin consent), then re-run.',
  'GRAPH.LICENCE_MISSING': 'This needs Microsoft Entra ID P1 or P2; check this layer by hand in the Entra admin center.',
  'GRAPH.THROTTLED': 'Microsoft Graph is throttling the tenant; re-run in a minute.',
  'GRAPH.UNAVAILABLE': 'Microsoft Graph did not answer; re-run in a minute.',
};

/** The finding for a fact Graph could not give: the layer becomes `unknown`, never `pass`. */
export function gapFinding(gap: FactGap, what: string): Finding {
  const code: FindingCode = gap.code === 'GRAPH.LICENCE_MISSING' ? 'GRAPH.LICENCE_MISSING' : gap.code;
  return finding(code, `Could not check ${what}: ${gap.reason}`, {
    fix: GAP_FIXES[gap.code],
    evidence: { request: gap.request, ...(gap.permission ? { permission: gap.permission } : {}) },
  });
}

/** A layer that could not be judged because an earlier fact is missing. */
export const notEvaluated = (why: string): Finding =>
  finding('GRAPH.NOT_EVALUATED', `Not evaluated: ${why}`);
