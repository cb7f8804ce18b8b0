import type { FindingCode } from '../findingCodes';

export interface FindingText {
  message: string;
  fix?: string;
}

/** The readings of each code: `default`, or a named variant where one code reads two ways. */
export type WordsOfCodes = Partial<Record<FindingCode, Record<string, FindingText>>>;

export type { WordParams as FindingParams } from '../words';
