/**
 * Refusals: an action that was not done, with a stable code and a sentence
 * for the person who clicked. A refusal changes nothing and is shown to the
 * clicker only; it never updates the shared card. The sentences live beside
 * this catalogue, in refusalWords.ts.
 */
import type { ErrorCode } from '../errors/catalog';
import { fillIn, type WordParams } from '../model/words';
import { REFUSAL_WORDS } from './refusalWords';

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
  /** A request for this diagnosis run is already open (for a pass: any request for this user). */
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

type Words = typeof REFUSAL_WORDS;
/** Every code has its words: the type checker refuses a code added to the catalogue without them. */
const WORDS: Record<RefusalCode, Readonly<Record<string, string>>> = REFUSAL_WORDS;

/** The ways a code reads: `default`, or a named variant where one code reads several ways. */
export type RefusalVariant<C extends RefusalCode> = keyof Words[C] & string;

/** A code that has no `default` reading must name its variant. */
type VariantArg<C extends RefusalCode> = 'default' extends RefusalVariant<C> ? [variant?: RefusalVariant<C>] : [variant: RefusalVariant<C>];
type OptionsArg<C extends RefusalCode> = 'default' extends RefusalVariant<C>
  ? [options?: { variant?: RefusalVariant<C>; suggest?: Refusal['suggest'] }]
  : [options: { variant: RefusalVariant<C>; suggest?: Refusal['suggest'] }];

const textOf = (code: RefusalCode, params: WordParams, variant: string | undefined): string => fillIn(WORDS[code][variant ?? 'default'], params);

/** The sentence for `code` (in `variant`), its placeholders filled from `params`. */
export const refusalText = <C extends RefusalCode>(code: C, params: WordParams = {}, ...[variant]: VariantArg<C>): string =>
  textOf(code, params, variant);

export function refuse<C extends RefusalCode>(code: C, params: WordParams = {}, ...[options]: OptionsArg<C>): Refusal {
  const suggest = options?.suggest;
  return { kind: 'refused', code, message: textOf(code, params, options?.variant), ...(suggest ? { suggest } : {}) };
}

/** The answer to a request id that names nothing: forged, stale, or another bot's. */
export const UNKNOWN_REQUEST = refusalText('REQUEST.UNKNOWN');

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'refused';
