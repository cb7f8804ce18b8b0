/**
 * Everything about one user in one `$batch` (contracts §5, docs/request-plan.md):
 * the user, methods, direct memberships, transitive membership of every
 * policy group (checkMemberGroups, 20 ids a call), sign-ins and audit events.
 */
import { known, missing, type Fact, type UserFacts } from '../diagnosis/facts';
import { executeBatch, type BatchRequest, type RetryPolicy } from './batch';
import { filterParam, odataDateTime, odataString, pathSegment } from './odata';
import { parseAudits, parseSignIns } from './parse/logs';
import { USER_SELECT, parseMemberOf, parseMethods, parseUser } from './parse/user';
import { obj, str, strings, values } from './parse/values';
import { gapFor, type InnerResponse } from './responseErrors';
import { factFrom } from './responses';
import type { GroupNames, NestedGroups, TenantSnapshot } from './tenantSnapshot';
import type { GraphTransport, GraphVersion, UsageMeter } from './transport';

export const CHECK_MEMBER_GROUPS_LIMIT = 20;
const MAX_MEMBEROF_PAGES = 20;
/** Policies exclude one or two groups in practice; more would crowd the 20-request batch. */
const MAX_NESTED_EXCLUSION_LOOKUPS = 3;

export interface UserGatherOptions {
  nowMs: number;
  signInLookbackDays: number;
  retry?: RetryPolicy;
  /** Read sign-ins and audit events; see `GatherOptions.logs`. */
  logs: boolean;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function userRequests(upn: string, snapshot: TenantSnapshot, nowMs: number, lookbackDays: number, logs = true): BatchRequest[] {
  const user = `/users/${pathSegment(upn)}`;
  // Sign-in records carry the UPN in lower case (graph-facts §9).
  const literal = odataString(upn.toLowerCase());
  const since = odataDateTime(nowMs - lookbackDays * 86_400_000);
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
  if (logs) {
    requests.push(
      {
        id: 'signIns',
        method: 'GET',
        url: `/auditLogs/signIns?${filterParam([`userPrincipalName eq ${literal}`, `createdDateTime ge ${since}`])}&$top=50`,
      },
      {
        id: 'audits',
        method: 'GET',
        url: `/auditLogs/directoryAudits?${filterParam([
          `loggedByService eq 'Authentication Methods'`,
          `activityDateTime ge ${since}`,
          `initiatedBy/user/userPrincipalName eq ${literal}`,
        ])}&$top=100`,
      },
    );
  }
  if (!snapshot.groupNames && snapshot.targetGroupIds.length) {
    requests.push({ id: 'groupNames', method: 'POST', url: '/directoryObjects/getByIds', body: { ids: snapshot.targetGroupIds, types: ['group'] } });
  }
  if (!snapshot.exclusionNestedGroups) {
    // Casting a membership collection is an advanced query (graph-facts §5).
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

/** `http://host/beta/users/x/memberOf?$skiptoken=…` → version + path the Graph client accepts. */
function splitNextLink(link: string): { version: GraphVersion; path: string } | null {
  const url = new URL(link);
  const match = /^\/(v1\.0|beta)(\/.*)$/.exec(url.pathname);
  return match ? { version: match[1] as GraphVersion, path: match[2] + url.search } : null;
}

async function allMemberOfPages(first: InnerResponse, transport: GraphTransport, meter: UsageMeter): Promise<Fact<Array<Record<string, unknown>>>> {
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

/** A log the caller chose not to read; never judged, but never mistaken for "no events" either. */
const notRead = <T>(request: string): Fact<T> => missing({ code: 'GRAPH.UNAVAILABLE', reason: 'it was not read for this request.', request });

function directMemberships(memberOf: Fact<Array<Record<string, unknown>>>): { groupIds: Fact<string[]>; roleTemplateIds: Fact<string[]> } {
  if (!memberOf.ok) return { groupIds: missing(memberOf.gap), roleTemplateIds: missing(memberOf.gap) };
  const { groupIds, roleTemplateIds } = parseMemberOf(memberOf.value);
  return { groupIds: known(groupIds), roleTemplateIds: known(roleTemplateIds) };
}

export interface GatheredUser {
  facts: UserFacts;
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
      values(b).map((g) => ({ id: str(g.id) ?? '', displayName: str(g.displayName) ?? '' })).filter((g) => g.id),
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
  const requests = userRequests(subject, snapshot, options.nowMs, options.signInLookbackDays, options.logs);
  const responses = await executeBatch(transport, 'beta', requests, meter, options.retry);
  const userResponse = responses.get('user');
  const user: UserFacts['user'] =
    userResponse?.status === 404 ? known(null) : factFrom(userResponse, 'GET /users/{upn}', parseUser);
  const memberOfRaw = responses.get('memberOf');
  const memberOf = memberOfRaw && user.ok && user.value ? await allMemberOfPages(memberOfRaw, transport, meter) : missing<Array<Record<string, unknown>>>({ code: 'GRAPH.UNAVAILABLE', reason: 'the user could not be read.', request: 'GET /users/{upn}/memberOf' });
  const direct = directMemberships(memberOf);
  const facts: UserFacts = {
    subject,
    now: new Date(options.nowMs).toISOString(),
    user,
    checkedGroupIds: snapshot.targetGroupIds,
    memberOfCheckedGroups: membershipOfChecked(responses, Math.ceil(snapshot.targetGroupIds.length / CHECK_MEMBER_GROUPS_LIMIT)),
    directGroupIds: direct.groupIds,
    directoryRoleIds: direct.roleTemplateIds,
    methods: factFrom(responses.get('methods'), 'GET /users/{upn}/authentication/methods', parseMethods),
    signIns: options.logs ? factFrom(responses.get('signIns'), 'GET /auditLogs/signIns', parseSignIns) : notRead('GET /auditLogs/signIns'),
    audits: options.logs ? factFrom(responses.get('audits'), 'GET /auditLogs/directoryAudits', parseAudits) : notRead('GET /auditLogs/directoryAudits'),
  };
  const namesResponse = responses.get('groupNames');
  const groupNames = namesResponse
    ? factFrom(namesResponse, 'POST /directoryObjects/getByIds', (b) =>
        Object.fromEntries(
          values(b)
            .map((g) => ({ id: str(g.id) ?? '', displayName: str(g.displayName) ?? '' }))
            .filter((g) => g.id)
            .map((g) => [g.id, g]),
        ),
      )
    : undefined;
  return { facts, groupNames, exclusionNestedGroups: nestedGroupsOf(responses, snapshot) };
}
