/**
 * Removing a lost or now-blocked passkey: an operator picks one of the
 * user's passkeys, an approver approves like a TAP (someone else while
 * TAP_SECOND_APPROVER is on), then Passkey Doctor deletes it and, if the
 * operator asked, revokes the user's sign-in sessions.
 *
 *   requested ──approve──► approved ──► removed
 *       │                     └──Graph failed──► failed ──approve──► approved
 *       ├──deny──► denied
 *       └──time──► expired   (from requested or failed)
 *
 * `approved` is the claim: of two clicks that read the same version, the
 * store lets one move the request there, so a passkey is deleted once.
 */
import { createHash } from 'node:crypto';
import { authenticatorName } from '../catalog/authenticators';
import type { Fido2Method } from '../model/facts';
import type { Person } from './access';
import {
  REQUEST_TTL_MS,
  advance,
  targetName,
  targetOf,
  timeText,
  type ApprovalRequest,
  type ClickContext,
  type CommonEvent,
  type TargetUser,
  type TransitionRow,
} from './approvalRequest';
import { ApprovalWorkflow, type CommonResult, type WorkflowDeps } from './approvalWorkflow';
import type { PasskeyWrites } from './ports';
import { refuse, type Refusal } from './refusals';
import type { RunVerdict } from '../model/diagnosisRun';

export type RemovalState = 'requested' | 'approved' | 'removed' | 'denied' | 'failed' | 'expired';

/** A passkey as the operator picks it: names a person can read, and the id Graph needs. */
export interface PasskeyChoice {
  id: string;
  displayName: string | null;
  authenticatorName: string;
  aaGuid: string | null;
  passkeyType: 'deviceBound' | 'synced' | null;
  createdDateTime: string | null;
}

export interface RemovalRecord extends ApprovalRequest<'passkey-removal', RemovalState> {
  passkey: PasskeyChoice;
  /** The operator asked to sign the user out everywhere after the removal. */
  revokeSessions: boolean;
  removed?: {
    /** Graph no longer had it: someone removed it first. */
    alreadyGone: boolean;
    sessionsRevoked: boolean;
    /** Why revoking failed, when it was asked for and did. */
    revokeFailure?: string;
  };
}

export type RemovalResult =
  | CommonResult<RemovalRecord>
  /** `runId`: the diagnosis the choices are for; a removal is requested against it. */
  | { kind: 'passkeys'; runId: string; target: TargetUser; passkeys: PasskeyChoice[] }
  | { kind: 'requested'; request: RemovalRecord; summary: string }
  | { kind: 'removed'; request: RemovalRecord; summary: string; warning?: string }
  | { kind: 'failed'; request: RemovalRecord; summary: string; message: string };

export interface RemovalWorkflowDeps extends WorkflowDeps {
  writes: PasskeyWrites;
}

export type RemovalEvent = CommonEvent | 'removed' | 'failed';

/** Every move a removal request can make; `advance` writes no other. `approved` → `approved` takes over an orphaned claim. */
export const REMOVAL_TRANSITIONS: ReadonlyArray<TransitionRow<RemovalState, RemovalEvent>> = [
  { from: 'requested', event: 'claim', to: 'approved' },
  { from: 'failed', event: 'claim', to: 'approved' },
  { from: 'approved', event: 'claim', to: 'approved' },
  { from: 'approved', event: 'removed', to: 'removed' },
  { from: 'approved', event: 'failed', to: 'failed' },
  { from: 'requested', event: 'deny', to: 'denied' },
  { from: 'failed', event: 'deny', to: 'denied' },
  { from: 'requested', event: 'expire', to: 'expired' },
  { from: 'failed', event: 'expire', to: 'expired' },
];

/** One request per run and passkey, so a double click finds the first. Method ids may hold any character. */
export const removalRequestId = (runId: string, methodId: string): string =>
  `passkey-${runId}-${createHash('sha256').update(methodId).digest('hex').slice(0, 16)}`;

const choiceOf = (method: Fido2Method): PasskeyChoice => ({
  id: method.id,
  displayName: method.displayName,
  authenticatorName: authenticatorName(method.aaGuid),
  aaGuid: method.aaGuid,
  passkeyType: method.passkeyType,
  createdDateTime: method.createdDateTime,
});

const passkeyName = (passkey: PasskeyChoice): string =>
  `${passkey.displayName ?? passkey.authenticatorName}${passkey.createdDateTime ? ` (added ${timeText(passkey.createdDateTime)})` : ''}`;

export class PasskeyRemovalWorkflow extends ApprovalWorkflow<RemovalRecord> {
  protected readonly kind = 'passkey-removal';
  protected readonly auditActions = {
    refused: 'passkey.removal-refused',
    expired: 'passkey.removal-expired',
    denied: 'passkey.removal-denied',
  } as const;
  protected readonly claimedState: RemovalState = 'approved';
  protected readonly transitions = REMOVAL_TRANSITIONS;

  constructor(private readonly deps: RemovalWorkflowDeps) {
    super(deps);
  }

  summary(record: RemovalRecord): string {
    const who = targetName(record.target);
    const passkey = passkeyName(record.passkey);
    const revoke = record.revokeSessions ? ' and sign them out everywhere' : '';
    switch (record.state) {
      case 'requested':
        return `${record.requestedBy.name} asked to remove ${who}'s passkey ${passkey}${revoke}; waiting for an approver.`;
      case 'approved':
        return `${record.approvedBy?.name} approved; removing ${who}'s passkey ${passkey}.`;
      case 'removed': {
        const removed = record.removed!;
        const sessions = !record.revokeSessions ? '' : removed.sessionsRevoked ? '; sessions revoked' : '; sessions NOT revoked';
        return `${record.approvedBy?.name} removed ${who}'s passkey ${passkey}${removed.alreadyGone ? ' (it was already gone)' : ''}${sessions}.`;
      }
      case 'denied':
        return `${record.deniedBy?.name} denied removing ${who}'s passkey ${passkey}.`;
      case 'failed':
        return `${who}'s passkey ${passkey} could not be removed: ${record.failure?.message} An approver can try again.`;
      case 'expired':
        return `The request to remove ${who}'s passkey ${passkey} expired unanswered at ${timeText(record.expiresAt)}.`;
    }
  }

  /** "Remove passkey" on a verdict card: the user's passkeys to choose from (operators only). */
  async list(actor: Person, run: RunVerdict): Promise<RemovalResult> {
    const notOperator = await this.deps.access.require(actor, 'operator');
    if (notOperator) return notOperator;
    const target = targetOf(run);
    if (!target) return refuse('TARGET.NOT_FOUND', 'This diagnosis found no user, so there are no passkeys to remove.');
    const passkeys = await this.deps.writes.listPasskeys(target.id);
    if (!passkeys.ok) return refuse('GRAPH.FAILED', passkeys.failure.message);
    return { kind: 'passkeys', runId: run.runId, target, passkeys: passkeys.value.map(choiceOf) };
  }

  /** The operator chose a passkey (its id from the list card) and whether to revoke sessions. */
  async request(
    actor: Person,
    run: RunVerdict,
    methodId: unknown,
    options: ClickContext & { revokeSessions?: boolean } = {},
  ): Promise<RemovalResult> {
    const opened = await this.openRequest(actor, run, 'This diagnosis found no user, so there are no passkeys to remove.');
    if ('refused' in opened) return opened.refused;
    const { target, rootCause, refuse: refused } = opened;
    // The id comes from card data: it must name a passkey this user has now.
    const passkeys = await this.deps.writes.listPasskeys(target.id);
    if (!passkeys.ok) return refused(refuse('GRAPH.FAILED', passkeys.failure.message));
    const method = typeof methodId === 'string' ? passkeys.value.find((passkey) => passkey.id === methodId) : undefined;
    if (!method)
      return refused(refuse('PASSKEY.NOT_FOUND', `${targetName(target)} has no such passkey (any more); list the passkeys again.`));

    const id = removalRequestId(run.runId, method.id);
    const existing = await this.deps.workflows.get<RemovalRecord>(id);
    if (existing) return refused(this.stateRefusal(existing.value), existing.value);
    const now = this.now();
    const record: RemovalRecord = {
      kind: 'passkey-removal',
      id,
      runId: run.runId,
      state: 'requested',
      target,
      rootCause,
      conversationId: options.conversationId ?? null,
      requestedBy: actor,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS).toISOString(),
      passkey: choiceOf(method),
      revokeSessions: options.revokeSessions === true,
      history: [{ state: 'requested', by: actor, at: now.toISOString() }],
    };
    const { created, current } = await this.deps.workflows.create(record);
    if (!created) return refused(this.stateRefusal(current.value), current.value);
    await this.audit('passkey.removal-requested', actor, record, passkeyName(record.passkey));
    return { kind: 'requested', request: record, summary: this.summary(record) };
  }

  /** "Approve" on the removal card: delete the passkey, then revoke sessions if asked. */
  async approve(actor: Person, requestId: unknown, where: ClickContext = {}): Promise<RemovalResult> {
    const gated = await this.gateApproval(actor, requestId, where);
    if (!('eTag' in gated)) return gated;
    const claim = await this.claim(gated, actor);
    if (!('claimed' in claim)) return claim;
    const claimed = claim.claimed;
    await this.audit('passkey.removal-approved', actor, claimed, passkeyName(claimed.passkey));

    const deleted = await this.deps.writes.deletePasskey(claimed.target.id, claimed.passkey.id);
    if (!deleted.ok && deleted.failure.code !== 'NOT_FOUND') {
      const failure = deleted.failure;
      const failed = await this.settle(claimed, (current) =>
        advance(REMOVAL_TRANSITIONS, current, 'failed', actor, this.now(), { failure: { code: failure.code, message: failure.message } }),
      );
      await this.audit('passkey.removal-failed', actor, failed, failure.code);
      return { kind: 'failed', request: failed, summary: this.summary(failed), message: failure.message };
    }
    const alreadyGone = !deleted.ok;
    let revokeFailure: string | undefined;
    if (claimed.revokeSessions) {
      const revoked = await this.deps.writes.revokeSignInSessions(claimed.target.id);
      if (revoked.ok) await this.audit('sessions.revoked', actor, claimed);
      else revokeFailure = revoked.failure.message;
    }
    const removed = await this.settle(claimed, (current) =>
      advance(REMOVAL_TRANSITIONS, current, 'removed', actor, this.now(), {
        removed: { alreadyGone, sessionsRevoked: claimed.revokeSessions && !revokeFailure, ...(revokeFailure ? { revokeFailure } : {}) },
      }),
    );
    await this.audit('passkey.removed', actor, removed, `${passkeyName(removed.passkey)}${alreadyGone ? '; already gone' : ''}`);
    const warning = revokeFailure ? `The passkey is removed, but the sessions were not revoked: ${revokeFailure}` : undefined;
    return { kind: 'removed', request: removed, summary: this.summary(removed), ...(warning ? { warning } : {}) };
  }

  protected stateRefusal(record: RemovalRecord): Refusal {
    switch (record.state) {
      case 'removed':
        return refuse('REQUEST.ALREADY_DONE', `${record.approvedBy?.name} already removed this passkey.`);
      case 'approved':
        return refuse('REQUEST.IN_PROGRESS', `${record.approvedBy?.name} is removing this passkey right now.`);
      case 'denied':
        return refuse('REQUEST.DENIED', `${record.deniedBy?.name} denied this request.`);
      case 'expired':
        return refuse(
          'REQUEST.EXPIRED',
          `This request expired at ${timeText(record.expiresAt)}; list the passkeys again to make a new one.`,
          'rerun',
        );
      default:
        return refuse(
          'REQUEST.ALREADY_OPEN',
          `${record.requestedBy.name} already asked to remove this passkey at ${timeText(record.requestedAt)}; it is waiting for an approver.`,
        );
    }
  }
}
