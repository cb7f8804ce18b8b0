/**
 * Removing a lost or now-blocked passkey: an operator picks one of the
 * user's passkeys, an approver approves like a TAP (someone else while
 * TAP_SECOND_APPROVER is on), then Passkey Doctor deletes it and, if the
 * operator asked, revokes the user's sign-in sessions. The request's states
 * and moves are in removalRecord.ts.
 */
import { NOTICE_WORDS } from './noticeWords';
import { fillIn } from '../model/words';
import { createHash } from 'node:crypto';
import { authenticatorName } from '../catalog/authenticators';
import type { Fido2Method } from '../model/facts';
import type { Person } from './access';
import { targetName, targetOf, timeText, type ClickContext, type TargetUser } from './approvalRequest';
import { ApprovalWorkflow, type CommonResult, type WorkflowDeps } from './approvalWorkflow';
import type { PasskeyWrites } from './ports';
import { refuse, type Refusal } from './refusals';
import {
  REMOVAL,
  REMOVAL_RECORD_SHAPE,
  REMOVAL_TRANSITIONS,
  passkeyName,
  type PasskeyChoice,
  type RemovalApproved,
  type RemovalDone,
  type RemovalFailed,
  type RemovalRecord,
  type RemovalRequested,
} from './removalRecord';
import type { RunVerdict } from '../model/diagnosisRun';

export type RemovalResult =
  | CommonResult<RemovalRecord>
  /** `runId`: the diagnosis the choices are for; a removal is requested against it. */
  | { kind: 'passkeys'; runId: string; target: TargetUser; passkeys: PasskeyChoice[] }
  | { kind: 'requested'; request: RemovalRequested }
  | { kind: 'removed'; request: RemovalDone; warning?: string }
  | { kind: 'failed'; request: RemovalFailed; message: string };

export interface RemovalWorkflowDeps extends WorkflowDeps {
  writes: PasskeyWrites;
}

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

export class PasskeyRemovalWorkflow extends ApprovalWorkflow<RemovalRecord, RemovalApproved> {
  protected readonly kind = 'passkey-removal';
  protected readonly auditActions = {
    refused: 'passkey.removal-refused',
    expired: 'passkey.removal-expired',
    denied: 'passkey.removal-denied',
  } as const;
  protected readonly claimedState = 'approved';
  protected readonly transitions = REMOVAL_TRANSITIONS;
  protected readonly shape = REMOVAL_RECORD_SHAPE;

  constructor(private readonly deps: RemovalWorkflowDeps) {
    super(deps);
  }

  /** "Remove passkey" on a verdict card: the user's passkeys to choose from (operators only). */
  async list(actor: Person, run: RunVerdict): Promise<RemovalResult> {
    const notOperator = await this.deps.access.require(actor, 'operator');
    if (notOperator) return notOperator;
    const target = targetOf(run);
    if (!target) return refuse('TARGET.NOT_FOUND', {}, { variant: 'removal' });
    const passkeys = await this.deps.writes.listPasskeys(target.id);
    if (!passkeys.ok) return refuse('GRAPH.FAILED', { reason: passkeys.failure.message });
    return { kind: 'passkeys', runId: run.runId, target, passkeys: passkeys.value.map(choiceOf) };
  }

  /** The operator chose a passkey (its id from the list card) and whether to revoke sessions. */
  async request(
    actor: Person,
    run: RunVerdict,
    methodId: unknown,
    options: ClickContext & { revokeSessions?: boolean } = {},
  ): Promise<RemovalResult> {
    const opened = await this.openRequest(actor, run, 'removal');
    if ('refused' in opened) return opened.refused;
    const { target, refuse: refused } = opened;
    // The id comes from card data: it must name a passkey this user has now.
    const passkeys = await this.deps.writes.listPasskeys(target.id);
    if (!passkeys.ok) return refused(refuse('GRAPH.FAILED', { reason: passkeys.failure.message }));
    const method = typeof methodId === 'string' ? passkeys.value.find((passkey) => passkey.id === methodId) : undefined;
    if (!method) return refused(refuse('PASSKEY.NOT_FOUND', { who: targetName(target) }));

    const id = removalRequestId(run.runId, method.id);
    const made = await this.createRequest<RemovalRequested>(actor, id, run, opened, options, {
      passkey: choiceOf(method),
      revokeSessions: options.revokeSessions === true,
    });
    if ('refused' in made) return made.refused;
    const record = made.created;
    await this.audit('passkey.removal-requested', actor, record, passkeyName(record.passkey));
    return { kind: 'requested', request: record };
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
        REMOVAL.advance(current, 'failed', actor, this.now(), { failure: { code: failure.code, message: failure.message }, claim: undefined }),
      );
      await this.audit('passkey.removal-failed', actor, failed, failure.code);
      return { kind: 'failed', request: failed, message: failure.message };
    }
    const alreadyGone = !deleted.ok;
    let revokeFailure: string | undefined;
    if (claimed.revokeSessions) {
      const revoked = await this.deps.writes.revokeSignInSessions(claimed.target.id);
      if (revoked.ok) await this.audit('sessions.revoked', actor, claimed);
      else revokeFailure = revoked.failure.message;
    }
    const removed = await this.settle(claimed, (current) =>
      REMOVAL.advance(current, 'removed', actor, this.now(), {
        removed: { alreadyGone, sessionsRevoked: claimed.revokeSessions && !revokeFailure, ...(revokeFailure ? { revokeFailure } : {}) },
        claim: undefined,
      }),
    );
    await this.audit('passkey.removed', actor, removed, `${passkeyName(removed.passkey)}${alreadyGone ? '; already gone' : ''}`);
    const warning = revokeFailure ? fillIn(NOTICE_WORDS.sessionsNotRevoked, { reason: revokeFailure }) : undefined;
    return { kind: 'removed', request: removed, ...(warning ? { warning } : {}) };
  }

  protected stateRefusal(record: RemovalRecord): Refusal {
    switch (record.state) {
      case 'removed':
        return refuse('REQUEST.ALREADY_DONE', { approver: record.approvedBy.name }, { variant: 'removal' });
      case 'approved':
        return refuse('REQUEST.IN_PROGRESS', { approver: record.approvedBy.name }, { variant: 'removal' });
      case 'denied':
        return refuse('REQUEST.DENIED', { denier: record.deniedBy.name });
      case 'expired':
        return refuse('REQUEST.EXPIRED', { expiresAt: timeText(record.expiresAt) }, { variant: 'removal', suggest: 'rerun' });
      default:
        return refuse(
          'REQUEST.ALREADY_OPEN',
          { requester: record.requestedBy.name, requestedAt: timeText(record.requestedAt) },
          { variant: 'removal' },
        );
    }
  }
}
