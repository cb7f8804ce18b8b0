/**
 * Everything about one user in one `$batch` (docs/contracts.md §5, docs/request-plan.md):
 * the user, methods, direct memberships, transitive membership of every
 * policy group (checkMemberGroups, 20 ids a call). Sign-ins and audit events
 * come from the shared window (reportsWindow.ts); a refresh of it may ride in
 * this batch.
 */
import { known, missing, type Fact, type SignIn, type UserFacts } from '../model/facts';
import { executeBatch, type BatchGate, type BatchRequest } from './batch';
import type { RetryPolicy } from './retryPolicy';
import { filterParam, odataDateTime, odataString, pathSegment } from './odata';
import { splitNextLink } from './paging';
import { parseGroupNames } from './parse/groupNames';
import { parseSignIns } from './parse/logs';
import { USER_SELECT, parseMemberOf, parseMethods, parseUser } from './parse/user';
import { obj, str, strings, values } from './parse/values';
import { gapFor, type InnerResponse } from './responseErrors';
import { factFrom } from './responses';
import type { GroupNames, NestedGroups, TenantSnapshot } from './tenantSnapshot';
import type { CarriedRefresh } from './reportsWindow';
import type { GraphTransport, UsageMeter } from './transport';

export const CHECK_MEMBER_GROUPS_LIMIT = 20;
const MAX_MEMBEROF_PAGES = 20;
/** Policies exclude one or two groups in practice; more would crowd the 20-request batch. */
const MAX_NESTED_EXCLUSION_LOOKUPS = 3;

export interface UserGatherOptions {
  nowMs: number;
  signInLookbackDays: number;
  retry?: RetryPolicy;
  /** Reports requests (a shared log refresh) sent in this batch; their answers go back to the window. */
  carry?: CarriedRefresh;
  /** Admission for the reports requests among them. */
  gate?: BatchGate;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function userRequests(upn: string, snapshot: TenantSnapshot): BatchRequest[] {
  const user = `/users/${pathSegment(upn)}`;
  const requests: BatchRequest[] = [
    { id: 'user', method: 'GET', url: `${user}?$select=${USER_SELECT}` },
    { id: 'methods', method: 'GET', url: `${user}/authentication/methods` },
    { id: 'memberOf', method: 'GET', url: `${user}/memberOf?$select=id,roleTemplateId&$top=999` },
    ...chunk(snapshot.targetGroupIds, CHECK_MEMBER_GROUPS_LIMIT).map((groupIds, i) => ({
      id: `groups-${i + 1}`,
      method: 'POST' as const,
      url: `${user}/checkMemberGroups`,
      body: { groupIds },
    })),
  ];
  if (!snapshot.groupNames && snapshot.targetGroupIds.length) {
    requests.push({
      id: 'groupNames',
      method: 'POST',
      url: '/directoryObjects/getByIds',
      body: { ids: snapshot.targetGroupIds, types: ['group'] },
    });
  }
  if (!snapshot.exclusionNestedGroups) {
    // Casting a membership collection is an advanced query (docs/graph-facts.md §5).
    snapshot.exclusionGroupIds.slice(0, MAX_NESTED_EXCLUSION_LOOKUPS).forEach((groupId, i) =>
      requests.push({
        id: `nested-${i + 1}`,
        method: 'GET',
        url: `/groups/${pathSegment(groupId)}/transitiveMembers/microsoft.graph.group?$select=id,displayName&$count=true&$top=999`,
        headers: { ConsistencyLevel: 'eventual' },
      }),
    );
  }
  return requests;
}

async function allMemberOfPages(
  first: InnerResponse,
  transport: GraphTransport,
  meter: UsageMeter,
): Promise<Fact<Array<Record<string, unknown>>>> {
  const request = 'GET /users/{upn}/memberOf';
  if (first.status !== 200) return missing(gapFor(first, request));
  const items = values(first.body);
  let next = str(obj(first.body)['@odata.nextLink']);
  for (let page = 1; next && page < MAX_MEMBEROF_PAGES; page++) {
    const split = splitNextLink(next);
    if (!split) break;
    const response = await transport.send('GET', split.version, split.path, meter);
    if (response.status !== 200) return missing(gapFor({ id: 'memberOf', ...response }, request));
    items.push(...values(response.body));
    next = str(obj(response.body)['@odata.nextLink']);
  }
  return known(items);
}

function membershipOfChecked(responses: Map<string, InnerResponse>, groupChunks: number): Fact<string[]> {
  const member: string[] = [];
  for (let i = 1; i <= groupChunks; i++) {
    const fact = factFrom(responses.get(`groups-${i}`), 'POST /users/{upn}/checkMemberGroups', (b) => strings(obj(b).value));
    if (!fact.ok) return fact;
    member.push(...fact.value);
  }
  return known(member);
}

function directMemberships(memberOf: Fact<Array<Record<string, unknown>>>): { groupIds: Fact<string[]>; roleTemplateIds: Fact<string[]> } {
  if (!memberOf.ok) return { groupIds: missing(memberOf.failure), roleTemplateIds: missing(memberOf.failure) };
  const { groupIds, roleTemplateIds } = parseMemberOf(memberOf.value);
  return { groupIds: known(groupIds), roleTemplateIds: known(roleTemplateIds) };
}

/**
 * One user's sign-ins read on their own: only when the shared window does not
 * reach back over the whole look-back (a tenant that logs more than one
 * refresh reads; docs/request-plan.md).
 */
export function userSignInsRequest(upn: string, nowMs: number, lookbackDays: number): BatchRequest {
  // Sign-in records carry the UPN in lower case (docs/graph-facts.md §9).
  const literal = odataString(upn.toLowerCase());
  const since = odataDateTime(nowMs - lookbackDays * 86_400_000);
  return {
    id: 'signIns',
    method: 'GET',
    url: `/auditLogs/signIns?${filterParam([`userPrincipalName eq ${literal}`, `createdDateTime ge ${since}`])}&$top=50`,
  };
}

export const parseSignInsFact = (response: InnerResponse | undefined): Fact<SignIn[]> =>
  factFrom(response, 'GET /auditLogs/signIns', parseSignIns);

export interface GatheredUser {
  /** Everything but the logs, which come from the shared window. */
  facts: Omit<UserFacts, 'signIns' | 'audits'>;
  /** Present when this batch fetched the target groups' names (cold snapshot). */
  groupNames?: Fact<GroupNames>;
  /** Present when this batch read the groups nested in the excluded groups (cold snapshot). */
  exclusionNestedGroups?: Fact<NestedGroups>;
}

function nestedGroupsOf(responses: Map<string, InnerResponse>, snapshot: TenantSnapshot): Fact<NestedGroups> | undefined {
  const lookedUp = snapshot.exclusionGroupIds.slice(0, MAX_NESTED_EXCLUSION_LOOKUPS);
  if (!lookedUp.length || !responses.has('nested-1')) return undefined;
  const nested: NestedGroups = {};
  for (const [i, groupId] of lookedUp.entries()) {
    const fact = factFrom(responses.get(`nested-${i + 1}`), 'GET /groups/{id}/transitiveMembers/microsoft.graph.group', (b) =>
      values(b)
        .map((g) => ({ id: str(g.id) ?? '', displayName: str(g.displayName) ?? '' }))
        .filter((g) => g.id),
    );
    if (!fact.ok) return fact;
    nested[groupId] = fact.value;
  }
  return known(nested);
}

export async function gatherUser(
  subject: string,
  snapshot: TenantSnapshot,
  transport: GraphTransport,
  meter: UsageMeter,
  options: UserGatherOptions,
): Promise<GatheredUser> {
  const requests = [...userRequests(subject, snapshot), ...(options.carry?.requests ?? [])];
  let responses = new Map<string, InnerResponse>();
  try {
    responses = await executeBatch(transport, 'beta', requests, meter, options.retry, options.gate);
  } finally {
    // Whatever happened, the window hears back, so no one waiting on this refresh waits forever.
    void options.carry?.absorb(responses);
  }
  const userResponse = responses.get('user');
  const user: UserFacts['user'] = userResponse?.status === 404 ? known(null) : factFrom(userResponse, 'GET /users/{upn}', parseUser);
  const memberOfRaw = responses.get('memberOf');
  const memberOf =
    memberOfRaw && user.ok && user.value
      ? await allMemberOfPages(memberOfRaw, transport, meter)
      : missing<Array<Record<string, unknown>>>({
          code: 'GRAPH.UNAVAILABLE',
          reason: 'the user could not be read.',
          request: 'GET /users/{upn}/memberOf',
        });
  const direct = directMemberships(memberOf);
  const facts: GatheredUser['facts'] = {
    subject,
    now: new Date(options.nowMs).toISOString(),
    user,
    checkedGroupIds: snapshot.targetGroupIds,
    memberOfCheckedGroups: membershipOfChecked(responses, Math.ceil(snapshot.targetGroupIds.length / CHECK_MEMBER_GROUPS_LIMIT)),
    directGroupIds: direct.groupIds,
    directoryRoleIds: direct.roleTemplateIds,
    methods: factFrom(responses.get('methods'), 'GET /users/{upn}/authentication/methods', parseMethods),
  };
  const namesResponse = responses.get('groupNames');
  const groupNames = namesResponse
    ? factFrom(namesResponse, 'POST /directoryObjects/getByIds', parseGroupNames)
    : undefined;
  return { facts, groupNames, exclusionNestedGroups: nestedGroupsOf(responses, snapshot) };
}
