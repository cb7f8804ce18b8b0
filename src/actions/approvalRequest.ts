/**
 * What a TAP request and a passkey-removal request have in common: a
 * requester, a target user, an approver who is someone else (while
 * TAP_SECOND_APPROVER is on), an expiry, a conversation, and a history of
 * transitions. The rules here are checked on the server at every click.
 */
import { utcText } from '../diagnosis/wording';
import type { AccessCheck, Person } from './access';
import { refuse, type Refusal, type RefusalVariant } from './refusals';
import type { Result } from '../model/result';
import type { RunVerdict } from '../model/diagnosisRun';
import { PasskeyDoctorError } from '../errors/catalog';
import { isWellFormedId } from '../store/workflowStore';
import { z } from 'zod';

/** An unanswered request lapses after a working day; a new one needs a fresh look at the user. */
export const REQUEST_TTL_MS = 8 * 3_600_000;

/** The actor recorded for transitions nobody clicked (expiry). */
export const SYSTEM: Person = { id: 'passkey-doctor', name: 'Passkey Doctor' };

export interface TargetUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
}

/** Where the click happened; a request is answered only in the conversation it was made in. */
export interface ClickContext {
  conversationId?: string;
}

export interface Transition<S extends string> {
  state: S;
  by: Person;
  at: string;
}

/** What a request has in every state; each workflow's states add what they guarantee (see tapRecord.ts, removalRecord.ts). */
export interface ApprovalRequest<K extends string, S extends string> {
  kind: K;
  id: string;
  runId: string;
  state: S;
  target: TargetUser;
  /** The verdict's root-cause code when the request was made. */
  rootCause: string | null;
  conversationId: string | null;
  requestedBy: Person;
  requestedAt: string;
  expiresAt: string;
  history: Transition<S>[];
}

export type AnyRequest = ApprovalRequest<string, string>;

/** An approver's click took the request on. */
export interface Approval {
  approvedBy: Person;
  approvedAt: string;
}

/** Which approver's click holds the right to carry the request out, and since when. */
export interface HeldClaim {
  claim: { id: string; since: string };
}

export interface Denial {
  deniedBy: Person;
}

/** Why carrying it out failed, in words for the approver; another approval retries. */
export interface FailureNote {
  failure: { code: string; message: string };
}

/** A request denied or lapsed after an approver's click keeps what that click left: who approved, and a failure if one came first. */
export type Earlier = Partial<Approval & FailureNote>;

/** The stored shape of each part, checked when a request is read: a record that lacks what its state guarantees is not acted on. */
const person = z.object({ id: z.string(), name: z.string() });
export const requestShape = <K extends string, S extends [string, ...string[]]>(kind: K, states: S) =>
  z.object({
    kind: z.literal(kind),
    id: z.string(),
    runId: z.string(),
    target: z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string().nullable() }),
    rootCause: z.string().nullable(),
    conversationId: z.string().nullable(),
    requestedBy: person,
    requestedAt: z.string(),
    expiresAt: z.string(),
    history: z.array(z.object({ state: z.enum(states), by: person, at: z.string() })),
  });
export const APPROVAL_SHAPE = { approvedBy: person, approvedAt: z.string() };
export const CLAIM_SHAPE = { claim: z.object({ id: z.string(), since: z.string() }) };
export const DENIAL_SHAPE = { deniedBy: person };
const failure = z.object({ code: z.string(), message: z.string() });
export const FAILURE_SHAPE = { failure };
export const EARLIER_SHAPE = { approvedBy: person.optional(), approvedAt: z.string().optional(), failure: failure.optional() };

export const targetName = (target: TargetUser): string => target.displayName ?? target.userPrincipalName;

export const timeText = (iso: string): string => utcText(Date.parse(iso));

/** One allowed move of a workflow: in state `from`, `event` leads to state `to`. */
export interface TransitionRow<S extends string, E extends string, To extends S = S> {
  from: S;
  event: E;
  to: To;
}

/** For each event of a workflow, the one state it leads to: the type checker holds the table's rows to it. */
export type EventTargets<R extends AnyRequest> = Record<string, R['state']>;

/** A workflow's `{from, event, to}` rows, each `to` the one its event leads to. */
export type TransitionTable<R extends AnyRequest, T extends EventTargets<R>> = ReadonlyArray<
  { [E in keyof T & string]: TransitionRow<R['state'], E, T[E]> }[keyof T & string]
>;

/** The record type of state `S`. */
export type InState<R, S> = Extract<R, { state: S }>;

type KeysOfAny<R> = R extends unknown ? keyof R : never;

/**
 * What a move supplies: every field the target state guarantees that the
 * record does not have yet (others it may overwrite), and `undefined` for
 * any field the target state no longer carries.
 */
export type MoveFields<From, To> = Omit<To, keyof From | 'state' | 'history'> &
  Partial<Omit<To, 'state' | 'history'>> & { [K in Exclude<KeysOfAny<From>, keyof To>]?: undefined };

/** The states a table lets `event` leave from. */
export const statesWith = <S extends string, E extends string>(table: ReadonlyArray<TransitionRow<S, E>>, event: E): ReadonlySet<S> =>
  new Set(table.filter((row) => row.event === event).map((row) => row.from));

/** What every approval workflow shares: an approver's click claims it, an approver denies it, or it lapses. */
export type CommonEvent = 'claim' | 'deny' | 'expire';

/**
 * The record after `event`: its workflow's table names the new state, and the
 * record gets `fields` and one more history line. A move the table does not
 * list is a bug in the workflow and is never written. A workflow moves
 * through its StateMachine, whose `advance` checks `fields` against the
 * target state's type; this untyped form serves the moves every workflow
 * shares (ApprovalWorkflow) and the test that walks the tables.
 */
export function advance<R extends AnyRequest, F extends object>(
  table: ReadonlyArray<TransitionRow<string, string>>,
  record: R,
  event: string,
  by: Person,
  at: Date,
  fields: F,
): R & F {
  const row = table.find((r) => r.from === record.state && r.event === event);
  if (!row) {
    throw new PasskeyDoctorError('INTERNAL', 'transition', { kind: record.kind, state: record.state, event }, {
      details: { requestId: record.id, state: record.state, event },
    });
  }
  const state = row.to;
  // The row's `to` is a state of R's workflow: the table is typed by it (TransitionTable).
  return { ...record, ...fields, state, history: [...record.history, { state, by, at: at.toISOString() }] } as R & F;
}

/** A workflow's table, and the move that gives each event's target state its shape. */
export interface StateMachine<R extends AnyRequest, T extends EventTargets<R>> {
  readonly table: TransitionTable<R, T>;
  advance<E extends keyof T & string, From extends R>(
    record: From,
    event: E,
    by: Person,
    at: Date,
    fields: MoveFields<From, InState<R, T[E]>>,
  ): InState<R, T[E]>;
}

export const stateMachine = <R extends AnyRequest, T extends EventTargets<R>>(table: TransitionTable<R, T>): StateMachine<R, T> => ({
  table,
  // The table names the state; its `to` for this event is T[E], whose type `fields` completed.
  advance: (record, event, by, at, fields) => advance(table, record, event, by, at, fields) as unknown as InState<R, T[typeof event]>,
});

export function targetOf(run: RunVerdict): TargetUser | null {
  const user = run.verdict.user;
  return user ? { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName } : null;
}

/** Who a "request" click on a verdict card is about, once the checks every workflow makes first pass. */
export interface Opened {
  target: TargetUser;
  rootCause: string | null;
}

/** Why those checks refused, and what the run named (for the audit entry). */
export interface NotOpened {
  refusal: Refusal;
  target: TargetUser | null;
  rootCause: string | null;
  /** Refused for who clicked (role, configuration): an attempt the audit trail keeps when the run names a user. */
  aboutClicker: boolean;
}

/**
 * The opening every workflow's request shares: the clicker is an operator
 * now, whatever else the workflow needs first (`also`), the run names a user
 * (`noUser` says, in the workflow's words, what is missing without one), and
 * the run id is one of ours.
 */
export async function openRequest(
  access: AccessCheck,
  actor: Person,
  run: RunVerdict,
  noUser: RefusalVariant<'TARGET.NOT_FOUND'>,
  also: () => Refusal | null = () => null,
): Promise<Result<Opened, NotOpened>> {
  const target = targetOf(run);
  const rootCause = run.verdict.rootCause?.code ?? null;
  const clicker = (await access.require(actor, 'operator')) ?? also();
  if (clicker) return { ok: false, failure: { refusal: clicker, target, rootCause, aboutClicker: true } };
  if (!target) return { ok: false, failure: { refusal: refuse('TARGET.NOT_FOUND', {}, { variant: noUser }), target, rootCause, aboutClicker: false } };
  if (!isWellFormedId(run.runId)) {
    const refusal = refuse('REQUEST.UNKNOWN', {}, { variant: 'run', suggest: 'rerun' });
    return { ok: false, failure: { refusal, target, rootCause, aboutClicker: false } };
  }
  return { ok: true, value: { target, rootCause } };
}

export function conversationRefusal(record: AnyRequest, where: ClickContext): Refusal | null {
  if (record.conversationId && where.conversationId !== record.conversationId) return refuse('REQUEST.OTHER_CONVERSATION');
  return null;
}

export const isPastExpiry = (record: AnyRequest, now: Date): boolean => Date.parse(record.expiresAt) <= now.getTime();

/** The approver must hold the role now, and — while a second approver is required — not be the requester. */
export async function approverRefusal(
  access: AccessCheck,
  actor: Person,
  record: AnyRequest,
  secondApprover: boolean,
): Promise<Refusal | null> {
  const refusal = await access.require(actor, 'approver');
  if (refusal) return refusal;
  if (secondApprover && actor.id.toLowerCase() === record.requestedBy.id.toLowerCase()) return refuse('AUTH.OWN_REQUEST');
  return null;
}
