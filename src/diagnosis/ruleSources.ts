/**
 * The source each finding code rests on: a Microsoft page and the sentence
 * it says (data/rule-sources.json), kept beside the catalogue so a rule
 * change and its citation change together.
 */
import data from './data/rule-sources.json';
import type { FindingCode } from '../model/findingCodes';

export interface RuleSource {
  /** The Learn page id (its file name), e.g. `how-to-authentication-passkeys-fido2`. */
  source: string;
  url: string | null;
  quote: string;
  /** False for a rule no Microsoft page states: such a rule may warn or ask, never fail. */
  microsoft: boolean;
  /** Where the quote was read. */
  via: string;
  note?: string;
  docsConflict?: string;
  /** The quote summarises the page rather than repeating its words. */
  paraphrase?: boolean;
}

const RULES = data.rules as Record<string, RuleSource>;

export const ruleSource = (code: FindingCode): RuleSource | undefined => RULES[code];

export const ruleSourceCodes = (): string[] => Object.keys(RULES);
