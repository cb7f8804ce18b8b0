/**
 * The sweep's bulk reads (docs/contracts.md §10): the group's transitive members and
 * the policies' target groups by paged `transitiveMembers` ($top=999, only the
 * properties layer 1 reads), methods by the paged registration report through
 * the reports scheduler at background priority, the cached tenant snapshot,
 * and — only for what no bulk read carries — a member's own methods, 20 to a
 * $batch. Pages are read one after another and handed on; nothing keeps a
 * page once it is parsed.
 */
import { known, missing, type AuthMethod, type Fact, type FactGap, type TenantFacts } from '../model/facts';
import type { Result } from '../model/result';
import { ERROR_OF_GAP, PasskeyDoctorError } from '../errors/catalog';
import type { GroupMembers, MemberLogs, ReportedMethods, SweepMember, SweepReads } from '../tenant/sweep/types';
import { executeBatch, type BatchGate, type BatchRequest } from './batch';
import type { RetryPolicy } from './retryPolicy';
import { filterParam, odataString, pathSegment } from './odata';
import { nextPage } from './paging';
import { parseRegistrationRow } from './parse/registrationDetails';
import { parseMethods } from './parse/user';
import { bool, obj, str, values } from './parse/values';
import { reportsGate, type ReportsScheduler } from './reportsScheduler';
import { gapFor, type InnerResponse } from './responseErrors';
import { factFrom } from './responses';
import type { TenantSnapshot } from './tenantSnapshot';
import { UsageMeter, type GraphTransport, type GraphVersion } from './transport';

const MEMBER_SELECT = 'id,userPrincipalName,displayName,userType,accountEnabled';
const PAGE = 999;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_TYPE = '#microsoft.graph.user';
const NAMES_FROM_MEMBERSHIP: FactGap = {
  code: 'GRAPH.UNAVAILABLE',
  reason: 'a sweep learns which target groups exist from their members.',
  request: 'POST /directoryObjects/getByIds',
};
export const REGISTRATION_REPORT = '/reports/authenticationMethods/userRegistrationDetails';

export interface SweepReadsDeps {
  transport: GraphTransport;
  reports: ReportsScheduler;
  snapshot: (meter: UsageMeter) => Promise<TenantSnapshot>;
  /** The shared log window, refreshed; then one user's logs by their keys (UPN, object id). */
  logs: (meter: UsageMeter) => Promise<(keys: string[]) => MemberLogs>;
  retry?: RetryPolicy;
  clock?: () => number;
}

/** Every page read (each body went to `onBody`), or the response that stopped the paging. */
type PageResult = Result<void, InnerResponse>;

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new PasskeyDoctorError('CANCELLED', 'sweep');
}

export class GraphSweepReads implements SweepReads {
  private readonly meter = new UsageMeter();
  private reportsRequests = 0;
  private memberReads = 0;

  constructor(private readonly deps: SweepReadsDeps) {}

  /** Follows `@odata.nextLink` to the end, one page at a time, each page through `executeBatch` (retries, the gate). */
  private async pages(
    id: string,
    version: GraphVersion,
    first: BatchRequest,
    onBody: (body: unknown) => void,
    gate?: BatchGate,
    signal?: AbortSignal,
  ): Promise<PageResult> {
    let request: BatchRequest | null = first;
    let pageVersion = version;
    while (request) {
      cancelled(signal);
      if (gate?.meters(request)) this.reportsRequests += 1;
      const responses = await executeBatch(this.deps.transport, pageVersion, [request], this.meter, this.deps.retry, gate);
      const response = responses.get(request.id) ?? { id: request.id, status: 0, headers: {}, body: null };
      if (response.status !== 200) return { ok: false, failure: response };
      onBody(response.body);
      const next = nextPage(response.body, id, first);
      request = next?.request ?? null;
      if (next) pageVersion = next.version;
    }
    return { ok: true, value: undefined };
  }

  async group(key: string): Promise<{ id: string; displayName: string }> {
    const trimmed = key.trim();
    if (!trimmed) throw new PasskeyDoctorError('BAD_GROUP', 'missing');
    const url = GUID.test(trimmed)
      ? `/groups/${pathSegment(trimmed)}?$select=id,displayName`
      : `/groups?${filterParam([`displayName eq ${odataString(trimmed)}`])}&$select=id,displayName`;
    const responses = await executeBatch(this.deps.transport, 'v1.0', [{ id: 'group', method: 'GET', url }], this.meter, this.deps.retry);
    const response = responses.get('group');
    if (response?.status === 404 || (response?.status === 400 && GUID.test(trimmed))) {
      throw new PasskeyDoctorError('BAD_GROUP', 'noSuchId', { id: trimmed });
    }
    if (!response || response.status !== 200) {
      const gap = gapFor(response ?? { id: 'group', status: 0, headers: {}, body: null }, 'GET /groups');
      throw new PasskeyDoctorError(ERROR_OF_GAP[gap.code], 'group', { reason: gap.reason });
    }
    const found = GUID.test(trimmed) ? [obj(response.body)] : values(response.body);
    if (found.length === 0) throw new PasskeyDoctorError('BAD_GROUP', 'noSuchName', { name: trimmed });
    if (found.length > 1) {
      throw new PasskeyDoctorError('BAD_GROUP', 'ambiguous', { count: found.length, name: trimmed, ids: found.map((g) => str(g.id)).join(', ') });
    }
    return { id: (str(found[0].id) ?? trimmed).toLowerCase(), displayName: str(found[0].displayName) ?? trimmed };
  }

  async tenant(): Promise<{ facts: TenantFacts; checkedGroupIds: string[] }> {
    const snapshot = await this.deps.snapshot(this.meter);
    // Names only word messages, which a sweep does not show; which groups exist, the membership reads tell (tenant/sweep/service.ts).
    const names = snapshot.groupNames ?? missing(NAMES_FROM_MEMBERSHIP);
    return {
      facts: {
        ...snapshot.facts,
        targetGroups: names,
        ...(snapshot.exclusionNestedGroups ? { exclusionNestedGroups: snapshot.exclusionNestedGroups } : {}),
      },
      checkedGroupIds: snapshot.targetGroupIds,
    };
  }

  async members(groupId: string, onPage: (membersRead: number) => void, signal?: AbortSignal): Promise<Map<string, SweepMember>> {
    const members = new Map<string, SweepMember>();
    const url = `/groups/${pathSegment(groupId)}/transitiveMembers?$select=${MEMBER_SELECT}&$top=${PAGE}`;
    const first: BatchRequest = { id: 'members', method: 'GET', url };
    const result = await this.pages('members', 'v1.0', first, (body) => {
      for (const item of values(body)) {
        // Devices, service principals, contacts and nested groups are not people who register passkeys.
        if (str(item['@odata.type']) !== USER_TYPE) continue;
        const id = str(item.id)?.toLowerCase();
        const upn = str(item.userPrincipalName);
        if (!id || !upn) continue;
        const [displayName, userType, accountEnabled] = [str(item.displayName), str(item.userType), bool(item.accountEnabled)];
        members.set(id, { id, userPrincipalName: upn, displayName, userType, accountEnabled });
      }
      onPage(members.size);
    }, undefined, signal);
    if (!result.ok) {
      if (result.failure.status === 404) throw new PasskeyDoctorError('BAD_GROUP', 'gone', { id: groupId });
      const gap = gapFor(result.failure, 'GET /groups/{id}/transitiveMembers');
      throw new PasskeyDoctorError(ERROR_OF_GAP[gap.code], 'groupMembers', { reason: gap.reason });
    }
    return members;
  }

  async membership(
    groupIds: string[],
    sweptGroupId: string,
    members: ReadonlyMap<string, SweepMember>,
    signal?: AbortSignal,
  ): Promise<Fact<GroupMembers>> {
    const sets: GroupMembers = new Map();
    const containing = groupIds.length ? await this.groupsContaining(sweptGroupId, signal) : new Set<string>();
    for (const groupId of groupIds) {
      // Every member of the swept group is in it, and in every group the swept group is nested in: nothing to page.
      if (groupId.toLowerCase() === sweptGroupId || containing.has(groupId.toLowerCase())) {
        sets.set(groupId, 'all');
        continue;
      }
      const inGroup = new Set<string>();
      const url = `/groups/${pathSegment(groupId)}/transitiveMembers?$select=id&$top=${PAGE}`;
      const first: BatchRequest = { id: 'members', method: 'GET', url };
      // Only the swept members are kept: a tenant-wide target group costs pages, not memory.
      const result = await this.pages('members', 'v1.0', first, (body) => {
        for (const item of values(body)) {
          const id = str(item.id)?.toLowerCase();
          if (id && members.has(id)) inGroup.add(id);
        }
      }, undefined, signal);
      // A target group deleted since the policy named it has no members (layer 1 names it as missing).
      if (!result.ok && result.failure.status !== 404) return missing(gapFor(result.failure, 'GET /groups/{id}/transitiveMembers'));
      sets.set(groupId, inGroup);
    }
    return known(sets);
  }

  /**
   * The groups the swept group is nested in, at any depth (one page in
   * practice); empty when unreadable: then every target group is paged.
   */
  private async groupsContaining(groupId: string, signal?: AbortSignal): Promise<Set<string>> {
    const ids = new Set<string>();
    const url = `/groups/${pathSegment(groupId)}/transitiveMemberOf?$select=id&$top=${PAGE}`;
    const first: BatchRequest = { id: 'members', method: 'GET', url };
    const result = await this.pages('members', 'v1.0', first, (body) => {
      for (const item of values(body)) {
        const id = str(item.id)?.toLowerCase();
        if (id) ids.add(id);
      }
    }, undefined, signal);
    return result.ok ? ids : new Set();
  }

  async registration(onPage: (rows: ReportedMethods[]) => void, signal?: AbortSignal): Promise<FactGap | null> {
    const first: BatchRequest = { id: 'registrationDetails', method: 'GET', url: REGISTRATION_REPORT };
    const result = await this.pages('registrationDetails', 'v1.0', first, (body) => {
      onPage(values(body).map(parseRegistrationRow).filter((r): r is ReportedMethods => r !== null));
    }, reportsGate(this.deps.reports, 'background'), signal);
    return result.ok ? null : gapFor(result.failure, `GET ${REGISTRATION_REPORT}`);
  }

  async logs(): Promise<(member: SweepMember) => MemberLogs> {
    const before = this.meter.requests;
    const forKeys = await this.deps.logs(this.meter);
    this.reportsRequests += this.meter.requests - before;
    return (member) => forKeys([member.userPrincipalName, member.id]);
  }

  async ownMethods(ids: string[]): Promise<Map<string, Fact<AuthMethod[]>>> {
    this.memberReads += ids.length;
    const url = (id: string) => `/users/${pathSegment(id)}/authentication/methods`;
    const requests = ids.map((id, i) => ({ id: `methods-${i}`, method: 'GET' as const, url: url(id) }));
    const responses = await executeBatch(this.deps.transport, 'beta', requests, this.meter, this.deps.retry);
    const fact = (i: number) => factFrom(responses.get(`methods-${i}`), 'GET /users/{id}/authentication/methods', parseMethods);
    return new Map(ids.map((id, i) => [id, fact(i)]));
  }

  quotaWaitMs(): number {
    const now = (this.deps.clock ?? Date.now)();
    return Math.max(0, this.deps.reports.status().nextFreeAt - now);
  }

  usage(): { requests: number; roundTrips: number; reportsRequests: number; memberReads: number; ms: number } {
    return { ...this.meter.usage(), reportsRequests: this.reportsRequests, memberReads: this.memberReads };
  }
}
