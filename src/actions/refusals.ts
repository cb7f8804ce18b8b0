/**
 * Refusals: an action that was not done, with a stable code and a sentence
 * for the person who clicked. A refusal changes nothing and is shown to the
 * clicker only; it never updates the shared card.
 */
import type { ErrorCode } from '../errors/catalog';

export type RefusalCode =
  /** The clicker is not in OPERATORS_GROUP_ID. */
  | 'AUTH.NOT_OPERATOR'
  /** The clicker is not in TAP_APPROVERS_GROUP_ID. */
  | 'AUTH.NOT_APPROVER'
  /** The requester tried to approve their own request while TAP_SECOND_APPROVER is on. */
  | 'AUTH.OWN_REQUEST'
  /** OPERATORS_GROUP_ID or TAP_APPROVERS_GROUP_ID is not set, so nobody may do this. */
  | 'AUTH.NOT_CONFIGURED'
  /** Group membership could not be checked; refusing is the safe answer. */
  | 'AUTH.CHECK_FAILED'
  /** No such request (unknown, forged, malformed, or of another kind). */
  | 'REQUEST.UNKNOWN'
  /** The request belongs to another conversation. */
  | 'REQUEST.OTHER_CONVERSATION'
  /** A request for this diagnosis run is already open. */
  | 'REQUEST.ALREADY_OPEN'
  /** Already done (pass issued, passkey removed, escalation sent): never done twice. */
  | 'REQUEST.ALREADY_DONE'
  /** Another click is carrying the request out right now. */
  | 'REQUEST.IN_PROGRESS'
  | 'REQUEST.DENIED'
  | 'REQUEST.EXPIRED'
  /** TAP_REQUESTS_PER_HOUR reached for this operator. */
  | 'REQUEST.RATE_LIMITED'
  /** The diagnosis run has no user (user not found) or is unknown. */
  | 'TARGET.NOT_FOUND'
  | 'TARGET.GUEST'
  | 'TARGET.DISABLED'
  /** The user holds a directory role: a Privileged Authentication Administrator must act. */
  | 'TARGET.PRIVILEGED'
  | 'TARGET.TAP_DISABLED'
  | 'TARGET.TAP_OUT_OF_SCOPE'
  /** A fact the safety checks need could not be read (permission, licence, throttling). */
  | 'TARGET.UNCHECKED'
  /** The passkey is not (or no longer) registered to that user. */
  | 'PASSKEY.NOT_FOUND'
  /** A Graph read failed before anything was changed. */
  | 'GRAPH.FAILED'
  /** The verdict names no owner to escalate to. */
  | 'ESCALATION.NO_OWNER'
  /** No channel is registered for the owner (and no webhook took it). */
  | 'ESCALATION.NO_CHANNEL';

export interface Refusal {
  kind: 'refused';
  code: RefusalCode;
  /** For the clicker only. */
  message: string;
  /** What the card could offer instead. */
  suggest?: 'escalate' | 'request-again' | 'rerun';
  /** The catalogue error that kept a check from being made (AUTH.CHECK_FAILED), so a notice can name it. */
  error?: ErrorCode;
}

/** The answer to a request id that names nothing: forged, stale, or another bot's. */
export const UNKNOWN_REQUEST = 'Passkey Doctor knows no such request; it may be from another bot or forged.';

export const refuse = (code: RefusalCode, message: string, suggest?: Refusal['suggest']): Refusal => ({
  kind: 'refused',
  code,
  message,
  ...(suggest ? { suggest } : {}),
});

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'refused';
