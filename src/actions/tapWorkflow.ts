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
import { NOTICE_WORDS } from './noticeWords';
import type { TapSecret } from '../graph/tapSecret';
import type { WriteFailure, WriteResult, CreatedTap } from '../graph/writes';
import { logger } from '../logger';
import type { OpenRequests } from '../store/openRequests';
import type { HourlyLimit } from '../store/rateLimit';
import type { Versioned } from '../store/versionedStore';
import type { Person } from './access';
import { isPastExpiry, targetName, timeText, type ClickContext, type TargetUser } from './approvalRequest';
import { ApprovalWorkflow, type CommonResult, type WorkflowDeps } from './approvalWorkflow';
import type { TapWrites, UserFactsSource } from './ports';
import { isRefusal, refuse, type Refusal } from './refusals';
import { planTap, standingRefusal, type TapPlan } from './tapPreChecks';
import {
  TAP,
  TAP_RECORD_SHAPE,
  TAP_TRANSITIONS,
  type ReplacedPass,
  type TapApproved,
  type TapFailed,
  type TapIssued,
  type TapIssuing,
  type TapRecord,
  type TapRequested,
} from './tapRecord';
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
  /** The latest TAP request per user: while one is open, a request from another diagnosis is refused. */
  openRequests: OpenRequests;
}

/**
 * What to show to whom. `refused`: the clicker only, nothing changed.
 * Every other kind carries the request, which the shared card words by its
 * state; `issued` also carries the secret, for the approver's eyes only, and
 * the window the user has to register in once signed in with it.
 */
export type TapResult =
  | CommonResult<TapRecord>
  | { kind: 'requested'; request: TapRequested }
  /** The approver is asked to confirm replacing the usable pass the request now names. */
  | { kind: 'confirm-replace'; request: TapApproved }
  | { kind: 'issued'; request: TapIssued; secret: TapSecret; registrationMinutes: number }
  | { kind: 'failed'; request: TapFailed; message: string };

/** One request per diagnosis run: a double click on "Request TAP" finds the first. */
export const tapRequestId = (runId: string): string => `tap-${runId}`;

const endOf = (startIso: string, lifetimeInMinutes: number): string =>
  new Date(Date.parse(startIso) + lifetimeInMinutes * 60_000).toISOString();

/** A listed pass may lack its start or lifetime; a created one has both. */
const validUntilOf = (startIso: string | null, lifetimeInMinutes: number | null): string | null =>
  startIso && lifetimeInMinutes !== null ? endOf(startIso, lifetimeInMinutes) : null;

export class TapWorkflow extends ApprovalWorkflow<TapRecord, TapIssuing> {
  protected readonly kind = 'tap';
  protected readonly auditActions = { refused: 'tap.refused', expired: 'tap.expired', denied: 'tap.denied' } as const;
  protected readonly claimedState = 'issuing';
  protected readonly transitions = TAP_TRANSITIONS;
  protected readonly shape = TAP_RECORD_SHAPE;

  constructor(private readonly deps: TapWorkflowDeps) {
    super(deps);
  }

  /** "Request TAP" on a verdict card. `run` comes from the bot's store, looked up by the card's run id. */
  async request(actor: Person, run: RunVerdict, where: ClickContext = {}): Promise<TapResult> {
    const opened = await this.openRequest(actor, run, 'tap', () =>
      this.deps.access.groups.approvers ? null : refuse('AUTH.NOT_CONFIGURED', {}, { variant: 'tapIssuance' }),
    );
    if ('refused' in opened) return opened.refused;
    const { target } = opened;

    const id = tapRequestId(run.runId);
    const otherOpen = await this.claimOpenRequest(target, id);
    if (otherOpen) return otherOpen;
    const made = await this.createRequest<TapRequested>(actor, id, run, opened, where, {}, async () => {
      const plan = await this.check(target);
      if (isRefusal(plan)) return plan;
      const allowance = await this.deps.requestLimit.take(actor.id, id);
      if (allowance.allowed) return null;
      return refuse('REQUEST.RATE_LIMITED', { perHour: this.deps.requestLimit.perHour, retryAt: timeText(allowance.retryAt) });
    });
    if ('refused' in made) return made.refused;
    const record = made.created;
    await this.audit('tap.requested', actor, record);
    return { kind: 'requested', request: record };
  }

  /**
   * Claims the user's one open TAP request for request `id`; the refusal when
   * another is open (or being made this moment), else null. The request id
   * follows from the run, so the claim can name it before it exists.
   */
  private async claimOpenRequest(target: TargetUser, id: string): Promise<Refusal | null> {
    let open: TapRecord | undefined;
    const claim = await this.deps.openRequests.claim('tap', target.id, id, async (holder) => {
      const found = await this.load(holder);
      if (typeof found === 'string') return 'missing';
      if (!this.openStates.has(found.value.state) || isPastExpiry(found.value, this.now())) return 'closed';
      open = found.value;
      return 'open';
    });
    if (claim.claimed) return null;
    const other = claim.inProgress ? undefined : open;
    if (!other) return refuse('REQUEST.ALREADY_OPEN', {}, { variant: 'tapBeingMade' });
    const { requestedBy, requestedAt, expiresAt } = other;
    return refuse(
      'REQUEST.ALREADY_OPEN',
      { requester: requestedBy.name, who: targetName(other.target), requestedAt: timeText(requestedAt), expiresAt: timeText(expiresAt) },
      { variant: 'tapOther' },
    );
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
    if (!passes.ok) return this.refusedOn(record, actor, refuse('GRAPH.FAILED', { reason: passes.failure.message }));
    const usable = passes.value.find((pass) => pass.isUsable === true);
    // Only the approver who was shown this very pass can agree to replace it.
    const confirmed =
      options.replaceExisting === true &&
      record.state === 'approved' &&
      record.approvedBy.id === actor.id &&
      record.replaces.methodId === usable?.id;
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

  private async issue(claimed: TapIssuing, plan: TapPlan, actor: Person): Promise<TapResult> {
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
          message: NOTICE_WORDS.tapCreateThrew,
        },
      };
    }
    if (!created.ok) return this.failIssue(claimed, actor, created.failure);
    const { method, secret } = created.value;
    // From here the pass exists: the approver sees it whatever happens to the records, which follow (and retry) on their own.
    const facts = {
      methodId: method.id,
      validFrom: method.startDateTime,
      validUntil: endOf(method.startDateTime, method.lifetimeInMinutes),
      lifetimeInMinutes: method.lifetimeInMinutes,
      isUsableOnce: method.isUsableOnce,
    };
    const outcome = (current: TapIssuing): TapIssued => TAP.advance(current, 'issued', actor, this.now(), { issued: facts, claim: undefined });
    const ids = { requestId: claimed.id, targetId: claimed.target.id, approverId: actor.id };
    let issued = outcome(claimed);
    await this.outbox.record('tap.issued state', ids, async () => {
      issued = await this.settle(claimed, outcome);
    });
    const note = `valid ${timeText(facts.validFrom)} to ${timeText(facts.validUntil)}${facts.isUsableOnce ? ', one-time' : ''}`;
    await this.outbox.record('tap.issued audit', ids, () => this.audit('tap.issued', actor, issued, note));
    logger.info('tap issued', ids);
    return { kind: 'issued', request: issued, secret, registrationMinutes: this.deps.mfaFreshnessMinutes };
  }

  private async failIssue(claimed: TapIssuing, actor: Person, failure: WriteFailure): Promise<TapResult> {
    // The cached policy said the lifetime was fine and Graph disagrees: the next attempt must read the policy afresh.
    if (failure.code === 'TAP_LIFETIME_OUT_OF_RANGE') this.deps.facts.invalidateTenantSnapshot();
    const failed = await this.settle(claimed, (current) =>
      TAP.advance(current, 'failed', actor, this.now(), { failure: { code: failure.code, message: failure.message }, claim: undefined }),
    );
    await this.audit('tap.failed', actor, failed, failure.code);
    return { kind: 'failed', request: failed, message: failure.message };
  }

  private async askToReplace(found: Versioned<TapRecord>, actor: Person, existing: ReplacedPass): Promise<TapResult> {
    const now = this.now();
    const approved = TAP.advance(found.value, 'ask-to-replace', actor, now, {
      approvedBy: actor,
      approvedAt: now.toISOString(),
      replaces: existing,
      failure: undefined,
    });
    if (!(await this.deps.workflows.swap<TapRecord>(found, approved))) return this.lostRace(actor, found.value);
    await this.audit('tap.approved', actor, approved, 'asked to confirm replacing a usable pass');
    return { kind: 'confirm-replace', request: approved };
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
      return refuse('GRAPH.FAILED', { who: targetName(target) }, { variant: 'account' });
    }
  }

  protected stateRefusal(record: TapRecord): Refusal {
    switch (record.state) {
      case 'issued':
        return refuse('REQUEST.ALREADY_DONE', { approver: record.approvedBy.name }, { variant: 'tap', suggest: 'rerun' });
      case 'issuing':
        return refuse('REQUEST.IN_PROGRESS', { approver: record.approvedBy.name }, { variant: 'tap' });
      case 'denied':
        return refuse('REQUEST.DENIED', { denier: record.deniedBy.name });
      case 'expired':
        return refuse('REQUEST.EXPIRED', { expiresAt: timeText(record.expiresAt) }, { variant: 'tap', suggest: 'rerun' });
      default:
        return refuse(
          'REQUEST.ALREADY_OPEN',
          { requester: record.requestedBy.name, who: targetName(record.target), requestedAt: timeText(record.requestedAt) },
          { variant: 'tap' },
        );
    }
  }
}
