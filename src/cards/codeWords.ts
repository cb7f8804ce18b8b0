/**
 * Internal codes (finding codes, refusal codes, Graph failure codes) stay in
 * the audit trail, the evidence and the JSON; a card says them in words.
 * Codes without an entry here are said by their last part, lower-cased.
 */
import type { RefusalCode } from '../actions/refusals';

/** Every refusal a workflow can give, in words: the type checker refuses a refusal code without them. */
const REFUSAL_WORDS: Record<RefusalCode, string> = {
  'AUTH.CHECK_FAILED': 'group membership could not be checked',
  'AUTH.NOT_APPROVER': 'not in the TAP approvers group',
  'AUTH.NOT_CONFIGURED': 'no TAP approvers group is configured',
  'AUTH.NOT_OPERATOR': 'not in the operators group',
  'AUTH.OWN_REQUEST': 'approvers may not approve their own request',
  'ESCALATION.NO_CHANNEL': 'no channel registered for the owning team',
  'ESCALATION.NO_OWNER': 'nothing to escalate',
  'GRAPH.FAILED': 'Microsoft Graph refused or failed',
  'PASSKEY.NOT_FOUND': 'the passkey is gone',
  'REQUEST.ALREADY_DONE': 'already done',
  'REQUEST.ALREADY_OPEN': 'a request was already open',
  'REQUEST.DENIED': 'already denied',
  'REQUEST.EXPIRED': 'the request had expired',
  'REQUEST.IN_PROGRESS': 'already being carried out',
  'REQUEST.OTHER_CONVERSATION': 'clicked in another conversation',
  'REQUEST.RATE_LIMITED': 'hourly request limit reached',
  'REQUEST.UNKNOWN': 'unknown request',
  'TARGET.DISABLED': 'the account is disabled',
  'TARGET.PRIVILEGED': 'the user holds a directory role',
  'TARGET.TAP_OUT_OF_SCOPE': 'the TAP policy does not cover the user',
  'TARGET.GUEST': 'the user is a guest',
  'TARGET.NOT_FOUND': 'no such user',
  'TARGET.TAP_DISABLED': 'the TAP method is off or does not cover the user',
  'TARGET.UNCHECKED': 'the user could not be checked',
};

const WORDS: Record<string, string> = REFUSAL_WORDS;

const CODE = /^[A-Z][A-Z0-9]*(?:[._][A-Z0-9]+)+$/;

export const looksLikeCode = (text: string): boolean => CODE.test(text.trim());

export function codeInWords(code: string): string {
  return WORDS[code] ?? (code.split('.').pop() ?? code).toLowerCase().replace(/_/g, ' ');
}

/** A note that may be a code: a code in words, anything else as it is. */
export const noteInWords = (note: string): string => (looksLikeCode(note) ? codeInWords(note) : note);

/** `L3.NO_MFA_METHOD` → "root cause at layer 3"; other codes → "root cause: <words>". */
export function rootCauseInWords(code: string | null): string {
  if (!code) return 'no root cause';
  const layer = /^L(\d)\./.exec(code)?.[1];
  return layer ? `root cause at layer ${layer}` : `root cause: ${codeInWords(code)}`;
}
