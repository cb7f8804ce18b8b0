/**
 * Temporary Access Pass with approval: an operator requests, an approver
 * approves (or denies), Passkey Doctor checks the user and the policy again
 * and creates the pass. Every call re-checks who clicked and the state on
 * the server; card data contributes ids only.
 *
 * Exactly one pass per request: issuing starts with a compare-and-swap from
 * the version the approver's click read to `issuing`. Of two clicks that
 * read the same version — a double click, two approvers at once, a replayed
 * invoke — the store accepts one; the other re-reads and is refused.
 *
 * The pass exists only in the `issued` result returned to the approver who
 * claimed it: it is not stored, logged, audited or put in any shared view.
 */
import type { TapSecret } from '../graph/tapSecret';
import type { WriteFailure, WriteResult, CreatedTap } from '../graph/writes';
import { logger } from '../logger';
import type { HourlyLimit } from '../store/rateLimit';
import type { Versioned } from '../store/versionedStore';
import type { Person } from './access';
import {
  REQUEST_TTL_MS,
  advance,
  targetName,
  timeText,
  type ClickContext,
  type TargetUser,
} from './approvalRequest';
import { ApprovalWorkflow, type CommonResult, type WorkflowDeps } from './approvalWorkflow';
import type { TapWrites, UserFactsSource } from './ports';
import { isRefusal, refuse, type Refusal } from './refusals';
import { planTap, standingRefusal, type TapPlan } from './tapPreChecks';
import { TAP_TRANSITIONS, tapInstructions, tapSummary, type TapRecord, type TapState } from './tapRecord';
import type { RunVerdict } from '../model/diagnosisRun';

export interface TapWorkflowDeps extends WorkflowDeps {
  /** TAP_REQUESTS_PER_HOUR per operator. */
  requestLimit: HourlyLimit;
  facts: UserFactsSource;
  writes: TapWrites;
  /** TAP_ONE_TIME: one-time passes even when the policy allows reusable ones. */
  oneTime: boolean;
  /** MFA_FRESHNESS_MINUTES: the window the diagnosis uses, so the pass card tells the user the same. */
  mfaFreshnessMinutes: number;
}

/**
 * What to show to whom. `refused`: the clicker only, nothing changed.
 * Every other kind carries the request and its `summary` for the shared
 * card; `issued` also carries the secret, for the approver's eyes only.
 */
export type TapResult =
  | CommonResult<TapRecord>
  | { kind: 'requested'; request: TapRecord; summary: string }
  | {
      kind: 'confirm-replace';
      request: TapRecord;
      summary: string;
      message: string;
      existing: { methodId: string; validUntil: string | null };
    }
  | { kind: 'issued'; request: TapRecord; summary: string; secret: TapSecret; instructions: string[] }
  | { kind: 'failed'; request: TapRecord; summary: string; message: string };

/** One request per diagnosis run: a double click on "Request TAP" finds the first. */
export const tapRequestId = (runId: string): string => `tap-${runId}`;

const validUntilOf = (startIso: string | null, lifetimeInMinutes: number | null): string | null =>
  startIso && lifetimeInMinutes !== null ? new Date(Date.parse(startIso) + lifetimeInMinutes * 60_000).toISOString() : null;

export class TapWorkflow extends ApprovalWorkflow<TapRecord> {
  protected readonly kind = 'tap';
  protected readonly auditActions = { refused: 'tap.refused', expired: 'tap.expired', denied: 'tap.denied' } as const;
  protected readonly claimedState: TapState = 'issuing';
  protected readonly transitions = TAP_TRANSITIONS;

  constructor(private readonly deps: TapWorkflowDeps) {
    super(deps);
  }

  summary(record: TapRecord): string {
    return tapSummary(record);
  }

  /** "Request TAP" on a verdict card. `run` comes from the bot's store, looked up by the card's run id. */
  async request(actor: Person, run: RunVerdict, where: ClickContext = {}): Promise<TapResult> {
    const opened = await this.openRequest(actor, run, 'This diagnosis found no user, so there is nobody to issue a pass to.', () =>
      this.deps.access.groups.approvers
        ? null
        : refuse('AUTH.NOT_CONFIGURED', 'Temporary Access Pass issuance is off: TAP_APPROVERS_GROUP_ID is not set, so nobody could approve it.'),
    );
    if ('refused' in opened) return opened.refused;
    const { target, rootCause, refuse: refused } = opened;

    const id = tapRequestId(run.runId);
    const existing = await this.deps.workflows.get<TapRecord>(id);
    if (existing) return refused(this.stateRefusal(existing.value), existing.value);
    const plan = await this.check(target);
    if (isRefusal(plan)) return refused(plan);
    const allowance = await this.deps.requestLimit.take(actor.id, id);
    if (!allowance.allowed) {
      return refused(
        refuse(
          'REQUEST.RATE_LIMITED',
          `You have requested ${this.deps.requestLimit.perHour} Temporary Access Passes in the last hour, the most allowed (TAP_REQUESTS_PER_HOUR). You can request another at ${timeText(allowance.retryAt)}.`,
        ),
      );
    }
    const now = this.now();
    const record: TapRecord = {
      kind: 'tap',
      id,
      runId: run.runId,
      state: 'requested',
      target,
      rootCause,
      conversationId: where.conversationId ?? null,
      requestedBy: actor,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS).toISOString(),
      history: [{ state: 'requested', by: actor, at: now.toISOString() }],
    };
    const { created, current } = await this.deps.workflows.create(record);
    if (!created) return refused(this.stateRefusal(current.value), current.value);
    await this.audit('tap.requested', actor, record);
    return { kind: 'requested', request: record, summary: tapSummary(record) };
  }

  /**
   * "Approve" (or "Replace it", with `replaceExisting`) on the request card.
   * Issues the pass when every check passes and this click wins the claim.
   */
  async approve(actor: Person, requestId: unknown, options: ClickContext & { replaceExisting?: boolean } = {}): Promise<TapResult> {
    const gated = await this.gateApproval(actor, requestId, options);
    if (!('eTag' in gated)) return gated;
    const record = gated.value;

    // Checked again now: the user, their roles or the policy may have changed since the request.
    const plan = await this.check(record.target);
    if (isRefusal(plan)) return this.refusedOn(record, actor, plan);
    const passes = await this.deps.writes.listTemporaryAccessPasses(record.target.id);
    if (!passes.ok) return this.refusedOn(record, actor, refuse('GRAPH.FAILED', passes.failure.message));
    const usable = passes.value.find((pass) => pass.isUsable === true);
    // Only the approver who was shown this very pass can agree to replace it.
    const confirmed =
      options.replaceExisting === true &&
      record.state === 'approved' &&
      record.approvedBy?.id === actor.id &&
      record.replaces?.methodId === usable?.id;
    if (usable && !confirmed) {
      return this.askToReplace(gated, actor, {
        methodId: usable.id,
        validUntil: validUntilOf(usable.startDateTime, usable.lifetimeInMinutes),
      });
    }

    const claim = await this.claim(gated, actor, { replaces: undefined });
    if (!('claimed' in claim)) return claim;
    await this.audit('tap.approved', actor, claim.claimed);
    return this.issue(claim.claimed, plan, actor);
  }

  private async issue(claimed: TapRecord, plan: TapPlan, actor: Person): Promise<TapResult> {
    let created: WriteResult<CreatedTap>;
    try {
      created = await this.deps.writes.createTemporaryAccessPass(claimed.target.id, plan);
    } catch (error) {
      logger.error('tap create threw', { requestId: claimed.id, error });
      created = {
        ok: false,
        failure: {
          code: 'UNAVAILABLE',
          status: 0,
          message: 'Creating the pass failed unexpectedly; if one was made nobody has seen it, and approving again replaces it.',
        },
      };
    }
    if (!created.ok) return this.failIssue(claimed, actor, created.failure);
    const { method, secret } = created.value;
    // From here the pass exists: the approver sees it whatever happens to the records, which follow (and retry) on their own.
    const outcome = (current: TapRecord): TapRecord =>
      advance(TAP_TRANSITIONS, current, 'issued', actor, this.now(), {
        issued: {
          methodId: method.id,
          validFrom: method.startDateTime,
          validUntil: validUntilOf(method.startDateTime, method.lifetimeInMinutes)!,
          lifetimeInMinutes: method.lifetimeInMinutes,
          isUsableOnce: method.isUsableOnce,
        },
      });
    const ids = { requestId: claimed.id, targetId: claimed.target.id, approverId: actor.id };
    let issued: TapRecord = { ...outcome(claimed), claim: undefined };
    await this.outbox.record('tap.issued state', ids, async () => {
      issued = await this.settle(claimed, outcome);
    });
    const facts = issued.issued!;
    const note = `valid ${timeText(facts.validFrom)} to ${timeText(facts.validUntil)}${facts.isUsableOnce ? ', one-time' : ''}`;
    await this.outbox.record('tap.issued audit', ids, () => this.audit('tap.issued', actor, issued, note));
    logger.info('tap issued', ids);
    return { kind: 'issued', request: issued, summary: tapSummary(issued), secret, instructions: tapInstructions(issued, this.deps.mfaFreshnessMinutes) };
  }

  private async failIssue(claimed: TapRecord, actor: Person, failure: WriteFailure): Promise<TapResult> {
    // The cached policy said the lifetime was fine and Graph disagrees: the next attempt must read the policy afresh.
    if (failure.code === 'TAP_LIFETIME_OUT_OF_RANGE') this.deps.facts.invalidateTenantSnapshot();
    const failed = await this.settle(claimed, (current) =>
      advance(TAP_TRANSITIONS, current, 'failed', actor, this.now(), { failure: { code: failure.code, message: failure.message } }),
    );
    await this.audit('tap.failed', actor, failed, failure.code);
    return { kind: 'failed', request: failed, summary: tapSummary(failed), message: failure.message };
  }

  private async askToReplace(
    found: Versioned<TapRecord>,
    actor: Person,
    existing: { methodId: string; validUntil: string | null },
  ): Promise<TapResult> {
    const now = this.now();
    const approved = advance(TAP_TRANSITIONS, found.value, 'ask-to-replace', actor, now, {
      approvedBy: actor,
      approvedAt: now.toISOString(),
      replaces: existing,
      failure: undefined,
    });
    if (!(await this.deps.workflows.swap(found, approved))) return this.lostRace(actor, found.value);
    await this.audit('tap.approved', actor, approved, 'asked to confirm replacing a usable pass');
    const until = existing.validUntil ? ` (valid until ${timeText(existing.validUntil)})` : '';
    return {
      kind: 'confirm-replace',
      request: approved,
      summary: tapSummary(approved),
      existing,
      message: `${targetName(approved.target)} already has a usable Temporary Access Pass${until}. Issuing a new one replaces it; whoever holds the old one can no longer use it. Replace it?`,
    };
  }

  /** Fresh facts and the pre-issue checks; a Graph failure is a refusal, never a pass. */
  private async check(target: TargetUser): Promise<TapPlan | Refusal> {
    try {
      const [gathered, eligibleRoleIds, ourRoles] = await Promise.all([
        this.deps.facts.gather(target.id, { logs: false }),
        this.deps.facts.eligibleRoleIds(target.id),
        this.deps.access.rolesOf(target.id),
      ]);
      const plan = planTap(gathered, target, { oneTime: this.deps.oneTime });
      return isRefusal(plan) ? plan : (standingRefusal(target, { eligibleRoleIds, ourRoles }) ?? plan);
    } catch (error) {
      logger.warn('tap pre-check could not gather facts', { targetId: target.id, error });
      return refuse(
        'GRAPH.FAILED',
        `Could not read ${targetName(target)}'s account from Microsoft Graph, so nothing was done. Try again in a minute.`,
      );
    }
  }

  protected stateRefusal(record: TapRecord): Refusal {
    switch (record.state) {
      case 'issued':
        return refuse(
          'REQUEST.ALREADY_DONE',
          `${record.approvedBy?.name} already issued this pass; it was shown once, to them, and is never shown again. If it was lost, re-run the diagnosis and request a new one.`,
          'rerun',
        );
      case 'issuing':
        return refuse('REQUEST.IN_PROGRESS', `${record.approvedBy?.name} is issuing this pass right now.`);
      case 'denied':
        return refuse('REQUEST.DENIED', `${record.deniedBy?.name} denied this request.`);
      case 'expired':
        return refuse(
          'REQUEST.EXPIRED',
          `This request expired at ${timeText(record.expiresAt)}; re-run the diagnosis to request again.`,
          'rerun',
        );
      default:
        return refuse(
          'REQUEST.ALREADY_OPEN',
          `${record.requestedBy.name} already requested a pass for ${targetName(record.target)} at ${timeText(record.requestedAt)}; it is waiting for an approver.`,
        );
    }
  }
}
