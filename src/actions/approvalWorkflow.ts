/**
 * The machinery both approval workflows (TAP, passkey removal) share:
 * loading a request by an untrusted id, the click-time gate (conversation,
 * approver role, not one's own request), lazy expiry, losing a race, and
 * recording every step — refusals included — in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { PasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import type { AuditAction, AuditTrail } from '../store/auditTrail';
import { recordTransition } from '../telemetry/instruments';
import type { Versioned } from '../store/versionedStore';
import type { WorkflowStore } from '../store/workflowStore';
import type { AccessCheck, Person } from './access';
import { Outbox } from './outbox';
import {
  SYSTEM,
  advance,
  openRequest,
  statesWith,
  approverRefusal,
  conversationRefusal,
  isPastExpiry,
  type ApprovalRequest,
  type ClickContext,
  type TargetUser,
  type TransitionRow,
} from './approvalRequest';
import { refuse, UNKNOWN_REQUEST, type Refusal } from './refusals';
import type { RunVerdict } from '../model/diagnosisRun';

/**
 * A claim older than this is taken to be orphaned. It is longer than the
 * slowest Graph write can take: three throttling waits of at most a minute
 * plus request timeouts.
 */
export const CLAIM_STALE_MS = 10 * 60_000;
/** Only the claim holder writes a claimed request, so a lost swap means the claim moved; a few tries suffice. */
const SETTLE_ATTEMPTS = 4;

export interface WorkflowDeps {
  workflows: WorkflowStore;
  audit: AuditTrail;
  access: AccessCheck;
  /** TAP_SECOND_APPROVER: the requester may not approve their own request. */
  secondApprover: boolean;
  now?: () => Date;
  /** Retries the records that follow an action already taken (a pass created). */
  outbox?: Outbox;
}

/** Audit subject: a request, or — before one exists — its target and root cause. */
export interface AuditSubject {
  id: string | null;
  target: TargetUser;
  rootCause: string | null;
}

type RefusalOf<R> = Refusal & { request?: R };
/** Refuses and records the refusal in the audit trail. */
type AuditedRefusal<R> = (refusal: Refusal, request?: R) => Promise<RefusalOf<R>>;

/** Results every approval workflow can give besides its own. */
export type CommonResult<R> =
  | (Refusal & { request?: R })
  | { kind: 'denied'; request: R; summary: string }
  | { kind: 'expired'; request: R; summary: string };

export abstract class ApprovalWorkflow<R extends ApprovalRequest<string, string>> {
  protected readonly now: () => Date;
  protected readonly outbox: Outbox;

  constructor(protected readonly base: WorkflowDeps) {
    this.now = base.now ?? (() => new Date());
    this.outbox = base.outbox ?? new Outbox();
  }

  protected abstract readonly kind: R['kind'];
  protected abstract readonly auditActions: { refused: AuditAction; expired: AuditAction; denied: AuditAction };
  /** The state that means "one approver's click is carrying it out". */
  protected abstract readonly claimedState: R['state'];
  /** Every move a request of this kind may make ({from, event, to}); `advance` enforces it. */
  protected abstract readonly transitions: ReadonlyArray<TransitionRow<R['state'], string>>;

  /** States a request can still be denied in (and so lapse in): read from the table. */
  protected get openStates(): ReadonlySet<R['state']> {
    return statesWith(this.transitions, 'deny');
  }

  /** States from which an approver's click may start carrying the request out; the claimed state only once its claim is stale. */
  protected get claimableStates(): ReadonlySet<R['state']> {
    return new Set([...statesWith(this.transitions, 'claim')].filter((state) => state !== this.claimedState));
  }
  /** One line for the shared card. */
  abstract summary(record: R): string;
  /** Why a click cannot act on a request in this state. */
  protected abstract stateRefusal(record: R): Refusal;

  /** The request as it stands, for re-drawing the shared card. Holds no secret. */
  async view(requestId: unknown): Promise<{ request: R; summary: string } | undefined> {
    const found = await this.load(requestId);
    return found && { request: found.value, summary: this.summary(found.value) };
  }

  /** "Deny" on the request card: any approver, the requester included, may refuse. */
  async deny(actor: Person, requestId: unknown, where: ClickContext = {}): Promise<CommonResult<R>> {
    const found = await this.load(requestId);
    if (!found) return this.unknown(actor, requestId);
    const record = found.value;
    // Refusing is never the abuse the second-approver rule guards against.
    const gate = conversationRefusal(record, where) ?? (await approverRefusal(this.base.access, actor, record, false));
    if (gate) return this.refusedOn(record, actor, gate);
    const lapsed = await this.expireIfDue(found);
    if (lapsed) return lapsed;
    if (!this.openStates.has(record.state)) return this.refusedOn(record, actor, this.stateRefusal(record));
    const denied = advance(this.transitions, record, 'deny', actor, this.now(), { deniedBy: actor } as Partial<R>);
    if (!(await this.base.workflows.swap(found, denied))) return this.lostRace(actor, record);
    await this.audit(this.auditActions.denied, actor, denied);
    return { kind: 'denied', request: denied, summary: this.summary(denied) };
  }

  /** Load, then the click-time gate for approving: conversation, approver role, second approver, expiry, state. */
  protected async gateApproval(actor: Person, requestId: unknown, where: ClickContext): Promise<Versioned<R> | CommonResult<R>> {
    const found = await this.load(requestId);
    if (!found) return this.unknown(actor, requestId);
    const record = found.value;
    const gate = conversationRefusal(record, where) ?? (await approverRefusal(this.base.access, actor, record, this.base.secondApprover));
    if (gate) return this.refusedOn(record, actor, gate);
    const lapsed = await this.expireIfDue(found);
    if (lapsed) return lapsed;
    if (!this.isClaimable(record)) return this.refusedOn(record, actor, this.stateRefusal(record));
    return found;
  }

  protected isClaimable(record: R): boolean {
    if (this.claimableStates.has(record.state)) return true;
    // A claim this old was orphaned (the process died between claim and answer): another approval may take it over.
    return record.state === this.claimedState && !!record.claim && Date.parse(record.claim.since) + CLAIM_STALE_MS <= this.now().getTime();
  }

  /**
   * Moves the request from the version this click read into the claimed
   * state. Of all clicks that read that version, the store lets exactly one
   * write; the others are told what happened instead.
   */
  protected async claim(found: Versioned<R>, actor: Person, patch: Partial<R> = {}): Promise<{ claimed: R } | CommonResult<R>> {
    const now = this.now();
    const claimed = advance(this.transitions, found.value, 'claim', actor, now, {
      ...patch,
      approvedBy: actor,
      approvedAt: now.toISOString(),
      claim: { id: randomUUID(), since: now.toISOString() },
      failure: undefined,
    });
    if (!(await this.base.workflows.swap(found, claimed))) return this.lostRace(actor, found.value);
    return { claimed };
  }

  /**
   * Writes the outcome of the claim this click holds. Nobody else moves a
   * request out of the claimed state unless the claim went stale, in which
   * case the newer claim's outcome stands and this one is only reported.
   */
  protected async settle(claimed: R, outcome: (current: R) => R): Promise<R> {
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
      const current = await this.base.workflows.get<R>(claimed.id);
      if (!current || current.value.state !== this.claimedState || current.value.claim?.id !== claimed.claim?.id) {
        logger.warn('claim was taken over before it settled', { kind: this.kind, requestId: claimed.id });
        return outcome(claimed);
      }
      const next: R = { ...outcome(current.value), claim: undefined };
      if (await this.base.workflows.swap(current, next)) return next;
    }
    throw new PasskeyDoctorError('STORE_CONFLICT', 'outcome', { requestId: claimed.id }, { details: { requestId: claimed.id } });
  }

  /**
   * The shared opening of a request click (see openRequest), and the way the
   * rest of `request` refuses: with an audit entry naming the user and the
   * diagnosis's root cause.
   */
  protected async openRequest(
    actor: Person,
    run: RunVerdict,
    noUser: string,
    also?: () => Refusal | null,
  ): Promise<{ refused: RefusalOf<R> } | { target: TargetUser; rootCause: string | null; refuse: AuditedRefusal<R> }> {
    const opening = await openRequest(this.base.access, actor, run, noUser, also);
    const refuseAudited: AuditedRefusal<R> = async (refusal, request) => {
      const { target, rootCause } = opening;
      if (target) await this.audit(this.auditActions.refused, actor, { id: request?.id ?? null, target, rootCause }, refusal.code);
      return request ? { ...refusal, request } : refusal;
    };
    if (!opening.ok) return { refused: opening.aboutClicker ? await refuseAudited(opening.refusal) : opening.refusal };
    return { target: opening.target, rootCause: opening.rootCause, refuse: refuseAudited };
  }

  protected async load(requestId: unknown): Promise<Versioned<R> | undefined> {
    const found = await this.base.workflows.get<R>(requestId);
    return found?.value.kind === this.kind ? found : undefined;
  }

  protected async expireIfDue(found: Versioned<R>): Promise<CommonResult<R> | null> {
    if (!this.openStates.has(found.value.state) || !isPastExpiry(found.value, this.now())) return null;
    const expired = advance(this.transitions, found.value, 'expire', SYSTEM, this.now());
    if (!(await this.base.workflows.swap(found, expired))) return this.lostRace(SYSTEM, found.value);
    await this.audit(this.auditActions.expired, SYSTEM, expired);
    return { kind: 'expired', request: expired, summary: this.summary(expired) };
  }

  /** Another click changed the request between our read and our write: say what it is now. */
  protected async lostRace(actor: Person, before: R): Promise<CommonResult<R>> {
    const current = (await this.base.workflows.get<R>(before.id))?.value ?? before;
    const refusal = this.isClaimable(current)
      ? refuse('REQUEST.IN_PROGRESS', 'Someone answered this request at the same moment; look at the card again before acting.')
      : this.stateRefusal(current);
    return this.refusedOn(current, actor, refusal);
  }

  protected async refusedOn(record: R, actor: Person, refusal: Refusal): Promise<Refusal & { request: R }> {
    // A refusal stands even when the audit store is down; its entry follows when the store is back.
    await this.outbox.record('refusal audit', { requestId: record.id, actorId: actor.id }, () => this.audit(this.auditActions.refused, actor, record, refusal.code));
    return { ...refusal, request: record };
  }

  protected unknown(actor: Person, requestId: unknown): Refusal {
    // Nothing to attach it to in the audit trail: a forged or stale id names no user.
    logger.warn('click on an unknown request', { kind: this.kind, actorId: actor.id, requestId: typeof requestId === 'string' ? requestId.slice(0, 140) : typeof requestId });
    return refuse('REQUEST.UNKNOWN', UNKNOWN_REQUEST);
  }

  protected async audit(what: AuditAction, actor: Person, subject: AuditSubject, note?: string): Promise<void> {
    recordTransition(what);
    await this.base.audit.append({
      time: this.now().toISOString(),
      who: { id: actor.id, name: actor.name },
      what,
      target: { id: subject.target.id, userPrincipalName: subject.target.userPrincipalName },
      rootCause: subject.rootCause,
      requestId: subject.id,
      ...(note ? { note } : {}),
    });
  }
}
