/**
 * Every refusal code, as a record rather than an array: the type checker fails
 * this file when a code is added to or dropped from the union without it.
 * Shared by the tests that hold the refusal catalogue to its words and uses.
 */
import type { RefusalCode } from '../../src/actions/refusals';

export const REFUSAL_CODES: Record<RefusalCode, true> = {
  'AUTH.NOT_OPERATOR': true,
  'AUTH.NOT_APPROVER': true,
  'AUTH.OWN_REQUEST': true,
  'AUTH.NOT_CONFIGURED': true,
  'AUTH.CHECK_FAILED': true,
  'REQUEST.UNKNOWN': true,
  'REQUEST.OTHER_CONVERSATION': true,
  'REQUEST.ALREADY_OPEN': true,
  'REQUEST.ALREADY_DONE': true,
  'REQUEST.IN_PROGRESS': true,
  'REQUEST.DENIED': true,
  'REQUEST.EXPIRED': true,
  'REQUEST.RATE_LIMITED': true,
  'TARGET.NOT_FOUND': true,
  'TARGET.GUEST': true,
  'TARGET.DISABLED': true,
  'TARGET.PRIVILEGED': true,
  'TARGET.TAP_DISABLED': true,
  'TARGET.TAP_OUT_OF_SCOPE': true,
  'TARGET.UNCHECKED': true,
  'PASSKEY.NOT_FOUND': true,
  'GRAPH.FAILED': true,
  'ESCALATION.NO_OWNER': true,
  'ESCALATION.NO_CHANNEL': true,
};
