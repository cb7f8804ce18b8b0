import { PasskeyDoctorError } from '../errors/catalog';
import { FINDING_CODES, type FindingCode } from '../model/findingCodes';
import { FINDING_WORDS, type FindingParams, type VariantOf, type WordsOfCodes } from '../model/findingWords';
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
 * How a rule names the reading of its code: optional where the code has a
 * `default` reading, required where it has only named ones, and a reading
 * the words table lacks does not compile.
 */
type Reading<C extends FindingCode> = 'default' extends VariantOf<C> ? { variant?: VariantOf<C> } : { variant: VariantOf<C> };
type SaidDetails<C extends FindingCode> =
  'default' extends VariantOf<C>
    ? [details?: Omit<FindingDetails, 'fix'> & Reading<C>]
    : [details: Omit<FindingDetails, 'fix'> & Reading<C>];

/**
 * A finding in the words beside the catalogue (src/model/findingWords/):
 * the rule gives the code, which reading of it (`variant`) and the parameters.
 * A fix that fills in empty (a `{tryInstead}` the matrix does not have) is no fix.
 */
export function said<C extends FindingCode>(code: C, params: FindingParams, ...[details]: SaidDetails<C>): Finding {
  const variant: string = details?.variant ?? 'default';
  const text = (FINDING_WORDS as WordsOfCodes)[code]?.[variant];
  if (!text) throw new PasskeyDoctorError('INTERNAL', 'findingWords', { code, variant });
  const { variant: _variant, ...rest } = details ?? {};
  return finding(code, fillIn(text.message, params), { ...rest, ...(text.fix ? { fix: fillIn(text.fix, params) } : {}) });
}

/**
 * A finding with the severity and docs its code carries in the catalogue. Not
 * exported: a rule speaks through `said`, so no sentence is written in a rule.
 */
function finding(code: FindingCode, message: string, details: FindingDetails = {}): Finding {
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
