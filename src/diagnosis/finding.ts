import { PasskeyDoctorError } from '../errors/catalog';
import { FINDING_CODES, type FindingCode } from '../model/findingCodes';
import { FINDING_WORDS, type FindingParams } from '../model/findingWords';
import { fillIn } from '../model/words';
import type { FactGap } from '../model/facts';
import type { Finding } from '../model/verdictTypes';

interface FindingDetails {
  fix?: string;
  evidence?: Record<string, unknown>;
  /** Extra Microsoft Learn links after the catalogue's own. */
  docs?: string[];
}

/**
 * A finding in the words beside the catalogue (src/model/findingWords/):
 * the rule gives the code, which reading of it (`variant`) and the parameters.
 * A fix that fills in empty (a `{tryInstead}` the matrix does not have) is no fix.
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

/** The finding for a fact Graph could not give: the layer becomes `unknown`, never `pass`. */
export function gapFinding(gap: FactGap, what: string): Finding {
  const evidence = { request: gap.request, ...(gap.permission ? { permission: gap.permission } : {}) };
  return said(gap.code, { what, reason: gap.reason }, { evidence });
}

/** A layer that could not be judged because an earlier fact is missing. */
export const notEvaluated = (why: string): Finding => said('GRAPH.NOT_EVALUATED', { why });
