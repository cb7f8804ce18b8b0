/**
 * The Graph gateway: the facts for one diagnosis in one round trip when the
 * tenant snapshot is cached, two when it is cold (docs/contracts.md §5). Sign-ins and
 * audit events come from the tenant's shared log window; when the reports
 * quota has room, the window's refresh rides in the diagnosis's own batch.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { known, missing, type AuditEvent, type Fact, type SignIn } from '../model/facts';
import type { InnerResponse } from './responseErrors';
import type { FactsGateway, GatheredFacts, GatherOptions } from '../diagnosis/ports';
import { PasskeyDoctorError } from '../errors/catalog';
import { executeBatch } from './batch';
import type { RetryPolicy } from './retryPolicy';
import { pathSegment } from './odata';
import { eligibleRoleIds } from './roleEligibility';
import { obj, strings } from './parse/values';
import type { PolicyFacts } from '../tenant/policyCheck/types';
import { gatherPolicyFacts } from './policyFacts';
import { readRegistrationEvents } from './registrationEvents';
import type { RegistrationEventsSource } from '../tenant/report/service';
import type { ReportWindow } from '../tenant/report/types';
import { GRAPH_REPORTS_DEFAULT, type Quota } from '../config/quota';
import { ReportsScheduler, reportsGate, systemClock, type ReportsStatus, type SchedulerClock } from './reportsScheduler';
import { ReportsWindow } from './reportsWindow';
import { TenantSnapshotCache } from './tenantSnapshot';
import { GraphTransport, UsageMeter } from './transport';
import { gatherUser, parseSignInsFact, userSignInsRequest } from './userFacts';
import { GraphSweepReads } from './sweepReads';

export interface GatewayOptions {
  policyCacheSeconds: number;
  signInLookbackDays: number;
  /** GRAPH_REPORTS_QUOTA (docs/contracts.md §1). */
  reportsQuota?: Quota;
  retry?: RetryPolicy;
  clock?: () => number;
  /** The reports scheduler's and CA pacer's timers; tests drive a fake one. */
  schedulerClock?: SchedulerClock;
}

const notRead = <T>(request: string): Fact<T> =>
  missing({ code: 'GRAPH.UNAVAILABLE', reason: 'it was not read for this request.', request });

export class GraphGateway implements FactsGateway, RegistrationEventsSource {
  readonly transport: GraphTransport;
  /** Every reports read of every feature goes through this one scheduler (docs/contracts.md §5). */
  readonly reports: ReportsScheduler;
  private readonly window: ReportsWindow;
  private readonly snapshots: TenantSnapshotCache;
  private readonly clock: () => number;

  constructor(
    client: Client,
    host: string,
    private readonly options: GatewayOptions,
  ) {
    this.transport = new GraphTransport(client, host);
    this.clock = options.clock ?? Date.now;
    const quota = options.reportsQuota ?? GRAPH_REPORTS_DEFAULT;
    this.reports = new ReportsScheduler(quota, options.schedulerClock ?? systemClock);
    this.window = new ReportsWindow(this.transport, this.reports, {
      lookbackDays: options.signInLookbackDays,
      maxStalenessMs: quota.periodMs,
      clock: this.clock,
      retry: options.retry,
    });
    this.snapshots = new TenantSnapshotCache(
      this.transport,
      options.policyCacheSeconds * 1000,
      options.retry,
      this.clock,
      options.schedulerClock ?? systemClock,
    );
  }

  async gather(subject: string, options: GatherOptions = {}): Promise<GatheredFacts> {
    const meter = new UsageMeter();
    const asked = this.clock();
    const snapshot = await this.snapshots.get(meter);
    const refresh = (options.logs ?? true) ? this.window.join(asked, 'interactive') : undefined;
    const nowMs = this.clock();
    const gathered = await gatherUser(subject, snapshot, this.transport, meter, {
      nowMs,
      signInLookbackDays: this.options.signInLookbackDays,
      retry: this.options.retry,
      carry: refresh?.carry,
      gate: reportsGate(this.reports, 'interactive', refresh?.carry?.requests.length ?? 0),
    });
    if (gathered.groupNames?.ok) snapshot.groupNames = gathered.groupNames;
    if (gathered.exclusionNestedGroups?.ok) snapshot.exclusionNestedGroups = gathered.exclusionNestedGroups;
    const groupNames = snapshot.groupNames ?? gathered.groupNames ?? known({});
    const exclusionNestedGroups = snapshot.exclusionNestedGroups ?? gathered.exclusionNestedGroups;
    const logs = refresh ? await this.logsOf(subject, gathered.facts.user, refresh.done, meter) : undefined;
    const { signIns, audits } = logs ?? {
      signIns: notRead<SignIn[]>('GET /auditLogs/signIns'),
      audits: notRead<never>('GET /auditLogs/directoryAudits'),
    };
    return {
      tenant: { ...snapshot.facts, targetGroups: groupNames, ...(exclusionNestedGroups ? { exclusionNestedGroups } : {}) },
      // The diagnosis's "now" is when its logs were read, so nothing in them lies in its future.
      user: { ...gathered.facts, ...(logs ? { now: new Date(logs.nowMs).toISOString() } : {}), signIns, audits },
      usage: meter.usage(),
    };
  }

  /** The user's logs from the window once the refresh they joined is done; sign-ins read alone if the window falls short. */
  private async logsOf(subject: string, user: GatheredFacts['user']['user'], refreshed: Promise<void>, meter: UsageMeter) {
    await refreshed.catch(() => undefined);
    const nowMs = this.clock();
    const keys = [subject, ...(user.ok && user.value ? [user.value.id, user.value.userPrincipalName] : [])].map((k) => k.toLowerCase());
    const fromWindow = { nowMs, ...this.window.forUser(keys, nowMs) };
    if (!this.window.signInsIncomplete(nowMs)) return fromWindow;
    const request = userSignInsRequest(subject, nowMs, this.options.signInLookbackDays);
    const responses = await executeBatch(
      this.transport,
      'beta',
      [request],
      meter,
      this.options.retry,
      reportsGate(this.reports, 'interactive'),
    );
    return { ...fromWindow, signIns: parseSignInsFact(responses.get(request.id)) };
  }

  /** What the reports scheduler is doing, for a "checking…" card. */
  reportsStatus(): ReportsStatus {
    return this.reports.status();
  }

  /**
   * Which of `groupIds` the user (object id or UPN) is a transitive member of.
   * Used to authorise operators and approvers at every message and click.
   */
  async memberGroups(user: string, groupIds: string[]): Promise<Set<string>> {
    const meter = new UsageMeter();
    const response = await this.transport.send('POST', 'v1.0', `/users/${pathSegment(user)}/checkMemberGroups`, meter, {
      body: { groupIds },
    });
    if (response.status === 404) return new Set();
    if (response.status !== 200) {
      throw new PasskeyDoctorError('GRAPH_FAILED', 'membership', { status: response.status }, { details: { status: response.status } });
    }
    return new Set(strings(obj(response.body).value));
  }

  /** The facts the policy check judges: the cached snapshot plus which named groups exist. */
  async policyFacts(tenant: PolicyFacts['tenant']): Promise<{ facts: PolicyFacts; usage: ReturnType<UsageMeter['usage']> }> {
    const meter = new UsageMeter();
    const facts = await gatherPolicyFacts(await this.snapshots.get(meter), this.transport, meter, tenant);
    return { facts, usage: meter.usage() };
  }

  /** Directory roles the user could activate through PIM (TAP pre-checks only: one request, not part of a diagnosis). */
  eligibleRoleIds(userId: string): Promise<Fact<string[]>> {
    return eligibleRoleIds(this.transport, userId);
  }

  /** Every passkey / FIDO2 registration audit event of the window (the report, docs/contracts.md §9), at background priority. */
  registrationEvents(window: ReportWindow): ReturnType<RegistrationEventsSource['registrationEvents']> {
    return readRegistrationEvents(this.transport, this.reports, window, { retry: this.options.retry });
  }

  /** The bulk reads of one sweep (its own usage meter); reports reads share this gateway's scheduler. */
  sweepReads(): GraphSweepReads {
    return new GraphSweepReads({
      transport: this.transport,
      reports: this.reports,
      snapshot: (meter) => this.snapshots.get(meter),
      logs: (meter) => this.backgroundLogs(meter),
      retry: this.options.retry,
      clock: this.clock,
    });
  }

  /** The shared log window refreshed at background priority (a refresh it may carry goes in its own batch); then a reader per user. */
  private async backgroundLogs(meter: UsageMeter): Promise<(keys: string[]) => { signIns: Fact<SignIn[]>; audits: Fact<AuditEvent[]> }> {
    const refresh = this.window.join(this.clock(), 'background');
    if (refresh.carry) {
      const { carry } = refresh;
      let responses = new Map<string, InnerResponse>();
      try {
        responses = await executeBatch(this.transport, 'beta', carry.requests, meter, this.options.retry, reportsGate(this.reports, 'background', carry.requests.length));
      } finally {
        void carry.absorb(responses);
      }
    }
    await refresh.done.catch(() => undefined);
    const nowMs = this.clock();
    return (keys) => this.window.forUser(keys.map((k) => k.toLowerCase()), nowMs);
  }

  /** Forget the cached tenant snapshot (after a policy change, or in tests). */
  invalidateTenantSnapshot(): void {
    this.snapshots.invalidate();
  }
}
