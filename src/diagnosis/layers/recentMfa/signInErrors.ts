/**
 * What the sign-in error codes seen around Security info mean, and which of
 * them are prompts, gates or failures: data from Microsoft's AADSTS
 * reference (data/sign-in-errors.json). A code the table does not know is
 * reported as unrecognised, never as a failure.
 */
import table from '../../data/sign-in-errors.json';
import type { FindingCode } from '../../../model/findingCodes';
import { fillIn } from '../../../model/words';
import { UNRECOGNISED_SIGN_IN_ERROR } from '../../../model/findingWords/recentMfa';

export type SignInErrorKind = 'interrupt' | 'blocker' | 'failure' | 'unrecognised';

export interface SignInError {
  code: number;
  kind: SignInErrorKind;
  /** The reference's name, e.g. `BlockedByConditionalAccess`; null when unrecognised. */
  name: string | null;
  meaning: string;
  /** For blockers: the finding code that carries them. */
  findingCode?: FindingCode;
}

interface Entry {
  name: string;
  kind: 'interrupt' | 'blocker' | 'failure';
  meaning: string;
  code?: string;
}

const CODES = table.codes as Record<string, Entry>;

export function signInError(code: number): SignInError {
  const entry = CODES[String(code)];
  if (!entry) return { code, kind: 'unrecognised', name: null, meaning: fillIn(UNRECOGNISED_SIGN_IN_ERROR, { errorCode: code }) };
  return {
    code,
    kind: entry.kind,
    name: entry.name,
    meaning: entry.meaning,
    ...(entry.code ? { findingCode: entry.code as FindingCode } : {}),
  };
}
