/**
 * What each finding says, beside the finding-code catalogue: one entry per
 * code, and per way of reading where one code reads two ways (`internal` /
 * `external` guest). `{param}` is filled from the parameters the rule
 * returns, so a writer edits sentences here and a rule file reads as rules.
 * One file per layer; the index joins them.
 */
import type { FindingCode } from '../findingCodes';
import type { WordsOfCodes } from './types';
import { GRAPH_WORDS } from './graph';
import { PLATFORM_WORDS } from './platform';
import { POLICY_TARGETING_WORDS } from './policyTargeting';
import { MFA_BOOTSTRAP_WORDS } from './mfaBootstrap';
import { RECENT_MFA_WORDS } from './recentMfa';
import { PROVIDER_WORDS } from './provider';
import { PASSKEY_PROFILES_WORDS } from './passkeyProfiles';
import { HARDWARE_WORDS } from './hardware';

export type { FindingParams, FindingText, WordsOfCodes } from './types';

export const FINDING_WORDS = {
  ...POLICY_TARGETING_WORDS,
  ...MFA_BOOTSTRAP_WORDS,
  ...RECENT_MFA_WORDS,
  ...PLATFORM_WORDS,
  ...PROVIDER_WORDS,
  ...GRAPH_WORDS,
  ...PASSKEY_PROFILES_WORDS,
  ...HARDWARE_WORDS,
} as const satisfies WordsOfCodes;

/** The readings a code has in the words table (`default` and any named variant). */
export type VariantOf<C extends FindingCode> = C extends keyof typeof FINDING_WORDS ? keyof (typeof FINDING_WORDS)[C] & string : never;

