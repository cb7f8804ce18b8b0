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
import { auditStep, type AuditSubject } from './auditStep';
import { Outbox } from './outbox';
import type { z } from 'zod';
import {
  SYSTEM,
  advance,
  openRequest,
  statesWith,
  approverRefusal,
  conversationRefusal,
  isPastExpiry,
  REQUEST_TTL_MS,
  type AnyRequest,
  type ApprovalRequest,
  type Approval,
  type ClickContext,
  type HeldClaim,
  type TargetUser,
  type TransitionRow,
} from './approvalRequest';
import { refuse, type Refusal, type RefusalVariant } from './refusals';
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

type RefusalOf<R> = Refusal & { request?: R };
/** Refuses and records the refusal in the audit trail. */
type AuditedRefusal<R> = (refusal: Refusal, request?: R) => Promise<RefusalOf<R>>;
/** A request click that passed the shared opening: whom it is for, and how the rest of it refuses. */
interface Opened<R> {
  target: TargetUser;
  rootCause: string | null;
  refuse: AuditedRefusal<R>;
}

/** Results every approval workflow can give besides its own; cards word each request by its state. */
export type CommonResult<R> = (Refusal & { request?: R }) | { kind: 'denied'; request: R } | { kind: 'expired'; request: R };

/** A stored request that is not there, or is there but lacks what its state guarantees. */
type Loaded<R> = Versioned<R> | 'missing' | 'unreadable';

/**
 * `R`: the workflow's records, one type per state; `C`: the state an
 * approver's claim puts a request in, which carries the approval and the claim.
 */
export abstract class ApprovalWorkflow<R extends AnyRequest, C extends R & Approval & HeldClaim> {
  protected readonly now: () => Date;
  protected readonly outbox: Outbox;

  constructor(protected readonly base: WorkflowDeps) {
    this.now = base.now ?? (() => new Date());
    this.outbox = base.outbox ?? new Outbox();
  }

  protected abstract readonly kind: R['kind'];
  protected abstract readonly auditActions: { refused: AuditAction; expired: AuditAction; denied: AuditAction };
  /** The state that means "one approver's click is carrying it out". */
  protected abstract readonly claimedState: C['state'];
  /** Every move a request of this kind may make ({from, event, to}); `advance` enforces it. */
  protected abstract readonly transitions: ReadonlyArray<TransitionRow<R['state'], string>>;
  /** What each state guarantees, checked on every record read from the store. */
  protected abstract readonly shape: z.ZodType<R>;

  /** States a request can still be denied in (and so lapse in): read from the table. */
  protected get openStates(): ReadonlySet<R['state']> {
    return statesWith(this.transitions, 'deny');
  }

  /** States from which an approver's click may start carrying the request out; the claimed state only once its claim is stale. */
  protected get claimableStates(): ReadonlySet<R['state']> {
    return new Set([...statesWith(this.transitions, 'claim')].filter((state) => state !== this.claimedState));
  }
  /** Why a click cannot act on a request in this state. */
  protected abstract stateRefusal(record: R): Refusal;

  /** The request as it stands, for re-drawing the shared card. Holds no secret. */
  async view(requestId: unknown): Promise<R | undefined> {
    const found = await this.load(requestId);
    return typeof found === 'string' ? undefined : found.value;
  }

  /** The state whose record carries the approval and the claim. */
  protected holdsClaim(record: R): record is C {
    return record.state === this.claimedState;
  }

  /** "Deny" on the request card: any approver, the requester included, may refuse. */
  async deny(actor: Person, requestId: unknown, where: ClickContext = {}): Promise<CommonResult<R>> {
    const found = await this.load(requestId);
    if (typeof found === 'string') return this.unknown(actor, requestId, found);
    const record = found.value;
    // Refusing is never the abuse the second-approver rule guards against.
    const gate = conversationRefusal(record, where) ?? (await approverRefusal(this.base.access, actor, record, false));
    if (gate) return this.refusedOn(record, actor, gate);
    const lapsed = await this.expireIfDue(found);
    if (lapsed) return lapsed;
    if (!this.openStates.has(record.state)) return this.refusedOn(record, actor, this.stateRefusal(record));
    const denied = advance(this.transitions, record, 'deny', actor, this.now(), { deniedBy: actor });
    if (!(await this.base.workflows.swap<R>(found, denied))) return this.lostRace(actor, record);
    await this.audit(this.auditActions.denied, actor, denied);
    return { kind: 'denied', request: denied };
  }

  /** Load, then the click-time gate for approving: conversation, approver role, second approver, expiry, state. */
  protected async gateApproval(actor: Person, requestId: unknown, where: ClickContext): Promise<Versioned<R> | CommonResult<R>> {
    const found = await this.load(requestId);
    if (typeof found === 'string') return this.unknown(actor, requestId, found);
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
    return this.holdsClaim(record) && Date.parse(record.claim.since) + CLAIM_STALE_MS <= this.now().getTime();
  }

  /**
   * Moves the request from the version this click read into the claimed
   * state. Of all clicks that read that version, the store lets exactly one
   * write; the others are told what happened instead.
   */
  protected async claim(
    found: Versioned<R>,
    actor: Person,
    cleared: Record<string, undefined> = {},
  ): Promise<{ claimed: C } | CommonResult<R>> {
    const now = this.now();
    const moved = advance(this.transitions, found.value, 'claim', actor, now, {
      ...cleared,
      approvedBy: actor,
      approvedAt: now.toISOString(),
      claim: { id: randomUUID(), since: now.toISOString() },
      failure: undefined,
    });
    // Every table leads `claim` to the claimed state, and these are the fields that state guarantees.
    const claimed = moved as unknown as C;
    if (!(await this.base.workflows.swap<R>(found, claimed))) return this.lostRace(actor, found.value);
    return { claimed };
  }

  /**
   * Writes the outcome of the claim this click holds. Nobody else moves a
   * request out of the claimed state unless the claim went stale, in which
   * case the newer claim's outcome stands and this one is only reported.
   */
  protected async settle<O extends R>(claimed: C, outcome: (current: C) => O): Promise<O> {
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
      const current = await this.load(claimed.id);
      if (typeof current === 'string' || !this.holdsClaim(current.value) || current.value.claim.id !== claimed.claim.id) {
        logger.warn('claim was taken over before it settled', { kind: this.kind, requestId: claimed.id });
        return outcome(claimed);
      }
      const next: O = { ...outcome(current.value), claim: undefined };
      if (await this.base.workflows.swap<R>(current, next)) return next;
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
    noUser: RefusalVariant<'TARGET.NOT_FOUND'>,
    also?: () => Refusal | null,
  ): Promise<{ refused: RefusalOf<R> } | Opened<R>> {
    const opening = await openRequest(this.base.access, actor, run, noUser, also);
    const { target, rootCause } = opening.ok ? opening.value : opening.failure;
    const refuseAudited: AuditedRefusal<R> = async (refusal, request) => {
      if (target) await this.audit(this.auditActions.refused, actor, { id: request?.id ?? null, target, rootCause }, refusal.code);
      return request ? { ...refusal, request } : refusal;
    };
    if (!opening.ok) {
      const { aboutClicker, refusal } = opening.failure;
      return { refused: aboutClicker ? await refuseAudited(refusal) : refusal };
    }
    return { target: opening.value.target, rootCause, refuse: refuseAudited };
  }

  /**
   * Stores the new request `id` in state `requested`, with `fields` (what
   * this workflow's requests add), unless the run already has one: then the
   * click is told what that one is. `beforeCreate` runs once no request is
   * found and may refuse, so a double click is told of the first request
   * rather than checked again.
   */
  protected async createRequest<Q extends R>(
    actor: Person,
    id: string,
    run: RunVerdict,
    opened: Opened<R>,
    where: ClickContext,
    fields: Omit<Q, keyof AnyRequest>,
    beforeCreate?: () => Promise<Refusal | null>,
  ): Promise<{ refused: RefusalOf<R> } | { created: Q }> {
    const existing = await this.load(id);
    if (existing !== 'missing') return { refused: await this.refuseExisting(actor, id, existing, opened) };
    const early = beforeCreate ? await beforeCreate() : null;
    if (early) return { refused: await opened.refuse(early) };
    const now = this.now();
    const common: ApprovalRequest<R['kind'], 'requested'> = {
      kind: this.kind,
      id,
      runId: run.runId,
      state: 'requested',
      target: opened.target,
      rootCause: opened.rootCause,
      conversationId: where.conversationId ?? null,
      requestedBy: actor,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS).toISOString(),
      history: [{ state: 'requested', by: actor, at: now.toISOString() }],
    };
    // The common fields and the workflow's own make up its `requested` record.
    const record = { ...common, ...fields } as unknown as Q;
    const { created, current } = await this.base.workflows.create<R>(record);
    if (!created) return { refused: await this.refuseExisting(actor, id, this.checked(current), opened) };
    return { created: record };
  }

  /** A request for the run is there already: say what it is, or that it cannot be read. */
  private async refuseExisting(actor: Person, id: string, existing: Versioned<R> | 'unreadable', opened: Opened<R>): Promise<RefusalOf<R>> {
    if (existing === 'unreadable') return opened.refuse(this.unknown(actor, id, existing));
    return opened.refuse(this.stateRefusal(existing.value), existing.value);
  }

  /**
   * The request `requestId` names, if it is one of this workflow's. A stored
   * record that lacks what its state guarantees (written by hand, cut short)
   * is reported and never acted on.
   */
  protected async load(requestId: unknown): Promise<Loaded<R>> {
    const found = await this.base.workflows.get<AnyRequest>(requestId);
    if (found?.value.kind !== this.kind) return 'missing';
    return this.checked(found);
  }

  /** `found` as its state guarantees it, or 'unreadable'. */
  protected checked(found: Versioned<AnyRequest>): Versioned<R> | 'unreadable' {
    const value = found.value;
    if (this.shape.safeParse(value).success) return { ...found, value: value as R };
    logger.warn('stored request does not have what its state guarantees', { kind: this.kind, requestId: value.id, state: value.state });
    return 'unreadable';
  }

  protected async expireIfDue(found: Versioned<R>): Promise<CommonResult<R> | null> {
    if (!this.openStates.has(found.value.state) || !isPastExpiry(found.value, this.now())) return null;
    const expired = advance(this.transitions, found.value, 'expire', SYSTEM, this.now(), {});
    if (!(await this.base.workflows.swap<R>(found, expired))) return this.lostRace(SYSTEM, found.value);
    await this.audit(this.auditActions.expired, SYSTEM, expired);
    return { kind: 'expired', request: expired };
  }

  /** Another click changed the request between our read and our write: say what it is now. */
  protected async lostRace(actor: Person, before: R): Promise<CommonResult<R>> {
    const found = await this.load(before.id);
    const current = typeof found === 'string' ? before : found.value;
    const refusal = this.isClaimable(current) ? refuse('REQUEST.IN_PROGRESS') : this.stateRefusal(current);
    return this.refusedOn(current, actor, refusal);
  }

  protected async refusedOn(record: R, actor: Person, refusal: Refusal): Promise<Refusal & { request: R }> {
    // A refusal stands even when the audit store is down; its entry follows when the store is back.
    await this.outbox.record('refusal audit', { requestId: record.id, actorId: actor.id }, () => this.audit(this.auditActions.refused, actor, record, refusal.code));
    return { ...refusal, request: record };
  }

  protected unknown(actor: Person, requestId: unknown, why: 'missing' | 'unreadable'): Refusal {
    // Nothing to attach it to in the audit trail: a forged or stale id names no user, and an unreadable record cannot be trusted to.
    logger.warn('click on an unknown request', { kind: this.kind, actorId: actor.id, requestId: typeof requestId === 'string' ? requestId.slice(0, 140) : typeof requestId });
    return why === 'missing' ? refuse('REQUEST.UNKNOWN') : refuse('REQUEST.UNKNOWN', {}, { variant: 'unreadable', suggest: 'rerun' });
  }

  protected async audit(what: AuditAction, actor: Person, subject: AuditSubject, note?: string): Promise<void> {
    recordTransition(what);
    await auditStep(this.base.audit, what, actor, subject, note, this.now());
  }
}
