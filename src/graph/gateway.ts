/**
 * The Graph gateway: the facts for one diagnosis in one round trip when the
 * tenant snapshot is cached, two when it is cold (contracts §5).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { known, type Fact } from '../diagnosis/facts';
import type { FactsGateway, GatheredFacts, GatherOptions } from '../diagnosis/ports';
import { PasskeyDoctorError } from '../errors/catalog';
import type { RetryPolicy } from './batch';
import { pathSegment } from './odata';
import { eligibleRoleIds } from './roleEligibility';
import { obj, strings } from './parse/values';
import type { PolicyFacts } from '../tenant/policyCheck/types';
import { gatherPolicyFacts } from './policyFacts';
import { TenantSnapshotCache } from './tenantSnapshot';
import { GraphTransport, UsageMeter } from './transport';
import { gatherUser } from './userFacts';

export interface GatewayOptions {
  policyCacheSeconds: number;
  signInLookbackDays: number;
  retry?: RetryPolicy;
  clock?: () => number;
}

export class GraphGateway implements FactsGateway {
  readonly transport: GraphTransport;
  private readonly snapshots: TenantSnapshotCache;
  private readonly clock: () => number;

  constructor(client: Client, host: string, private readonly options: GatewayOptions) {
    this.transport = new GraphTransport(client, host);
    this.clock = options.clock ?? Date.now;
    this.snapshots = new TenantSnapshotCache(this.transport, options.policyCacheSeconds * 1000, options.retry, this.clock);
  }

  async gather(subject: string, options: GatherOptions = {}): Promise<GatheredFacts> {
    const meter = new UsageMeter();
    const snapshot = await this.snapshots.get(meter);
    const gathered = await gatherUser(subject, snapshot, this.transport, meter, {
      nowMs: this.clock(),
      signInLookbackDays: this.options.signInLookbackDays,
      retry: this.options.retry,
      logs: options.logs ?? true,
    });
    if (gathered.groupNames?.ok) snapshot.groupNames = gathered.groupNames;
    if (gathered.exclusionNestedGroups?.ok) snapshot.exclusionNestedGroups = gathered.exclusionNestedGroups;
    const groupNames = snapshot.groupNames ?? gathered.groupNames ?? known({});
    const exclusionNestedGroups = snapshot.exclusionNestedGroups ?? gathered.exclusionNestedGroups;
    return {
      tenant: { ...snapshot.facts, targetGroups: groupNames, ...(exclusionNestedGroups ? { exclusionNestedGroups } : {}) },
      user: gathered.facts,
      usage: meter.usage(),
    };
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
      throw new PasskeyDoctorError('GRAPH_FAILED', `Could not check group membership (Graph answered ${response.status}).`, {
        status: response.status,
      });
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

  /** Forget the cached tenant snapshot (after a policy change, or in tests). */
  invalidateTenantSnapshot(): void {
    this.snapshots.invalidate();
  }
}
