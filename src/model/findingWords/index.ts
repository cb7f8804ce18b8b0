/**
 * What each finding says, beside the finding-code catalogue: one entry per
 * code, and per way of reading where one code reads two ways (`internal` /
 * `external` guest). `{param}` is filled from the parameters the rule
 * returns, so a writer edits sentences here and a rule file reads as rules.
 * One file per layer; the index joins them.
 */
import type { WordsOfCodes } from './types';
import { POLICY_TARGETING_WORDS } from './policyTargeting';

export type { FindingParams, FindingText } from './types';

export const FINDING_WORDS: WordsOfCodes = {
  ...POLICY_TARGETING_WORDS,
};

export { fillIn } from '../words';
