/**
 * What a TAP request and a passkey-removal request have in common: a
 * requester, a target user, an approver who is someone else (while
 * TAP_SECOND_APPROVER is on), an expiry, a conversation, and a history of
 * transitions. The rules here are checked on the server at every click.
 */
import { utcText } from '../diagnosis/wording';
import type { AccessCheck, Person } from './access';
import { refuse, type Refusal } from './refusals';
import type { RunVerdict } from '../model/diagnosisRun';
import { PasskeyDoctorError } from '../errors/catalog';
import { isWellFormedId } from '../store/workflowStore';

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
  approvedBy?: Person;
  approvedAt?: string;
  /** Which approver's click holds the right to carry the request out, and since when. */
  claim?: { id: string; since: string };
  deniedBy?: Person;
  /** Why carrying it out failed, in words for the approver; another approval retries. */
  failure?: { code: string; message: string };
  history: Transition<S>[];
}

export const targetName = (target: TargetUser): string => target.displayName ?? target.userPrincipalName;

export const timeText = (iso: string): string => utcText(Date.parse(iso));

/** One allowed move of a workflow: in state `from`, `event` leads to state `to`. */
export interface TransitionRow<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
}

/** The states a table lets `event` leave from. */
export const statesWith = <S extends string, E extends string>(table: ReadonlyArray<TransitionRow<S, E>>, event: E): ReadonlySet<S> =>
  new Set(table.filter((row) => row.event === event).map((row) => row.from));

/** What every approval workflow shares: an approver's click claims it, an approver denies it, or it lapses. */
export type CommonEvent = 'claim' | 'deny' | 'expire';

/**
 * The record after `event`: its workflow's table names the new state, and the
 * record gets the extra fields and one more history line. A move the table
 * does not list is a bug in the workflow and is never written.
 */
export function advance<R extends ApprovalRequest<string, string>, E extends string>(
  table: ReadonlyArray<TransitionRow<R['state'], E>>,
  record: R,
  event: E,
  by: Person,
  at: Date,
  patch: Partial<R> = {},
): R {
  const row = table.find((r) => r.from === record.state && r.event === event);
  if (!row) {
    throw new PasskeyDoctorError('INTERNAL', 'transition', { kind: record.kind, state: record.state, event }, {
      details: { requestId: record.id, state: record.state, event },
    });
  }
  const state = row.to;
  return { ...record, ...patch, state, history: [...record.history, { state, by, at: at.toISOString() }] };
}

export function targetOf(run: RunVerdict): TargetUser | null {
  const user = run.verdict.user;
  return user ? { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName } : null;
}

/** Where a "request" click on a verdict card stands after the checks every workflow makes first. */
export type Opening =
  | { ok: true; target: TargetUser; rootCause: string | null }
  | {
      ok: false;
      refusal: Refusal;
      target: TargetUser | null;
      rootCause: string | null;
      /** Refused for who clicked (role, configuration): an attempt the audit trail keeps when the run names a user. */
      aboutClicker: boolean;
    };

/**
 * The opening every workflow's request shares: the clicker is an operator
 * now, whatever else the workflow needs first (`also`), the run names a user
 * (`noUser` says what is missing without one), and the run id is one of ours.
 */
export async function openRequest(
  access: AccessCheck,
  actor: Person,
  run: RunVerdict,
  noUser: string,
  also: () => Refusal | null = () => null,
): Promise<Opening> {
  const target = targetOf(run);
  const rootCause = run.verdict.rootCause?.code ?? null;
  const clicker = (await access.require(actor, 'operator')) ?? also();
  if (clicker) return { ok: false, refusal: clicker, target, rootCause, aboutClicker: true };
  if (!target) return { ok: false, refusal: refuse('TARGET.NOT_FOUND', noUser), target, rootCause, aboutClicker: false };
  if (!isWellFormedId(run.runId)) {
    const refusal = refuse('REQUEST.UNKNOWN', 'This card does not belong to a diagnosis Passkey Doctor knows; re-run the diagnosis.', 'rerun');
    return { ok: false, refusal, target, rootCause, aboutClicker: false };
  }
  return { ok: true, target, rootCause };
}

export function conversationRefusal(record: ApprovalRequest<string, string>, where: ClickContext): Refusal | null {
  if (record.conversationId && where.conversationId !== record.conversationId) {
    return refuse('REQUEST.OTHER_CONVERSATION', 'This request belongs to another conversation; answer it on the card where it was made.');
  }
  return null;
}

export const isPastExpiry = (record: ApprovalRequest<string, string>, now: Date): boolean => Date.parse(record.expiresAt) <= now.getTime();

/** The approver must hold the role now, and — while a second approver is required — not be the requester. */
export async function approverRefusal(
  access: AccessCheck,
  actor: Person,
  record: ApprovalRequest<string, string>,
  secondApprover: boolean,
): Promise<Refusal | null> {
  const refusal = await access.require(actor, 'approver');
  if (refusal) return refusal;
  if (secondApprover && actor.id.toLowerCase() === record.requestedBy.id.toLowerCase()) {
    return refuse('AUTH.OWN_REQUEST', 'You made this request, so another approver must answer it (TAP_SECOND_APPROVER is on).');
  }
  return null;
}
