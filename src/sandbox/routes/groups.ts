/**
 * `GET /groups/{id}`, `GET /groups?$filter=displayName eq '…'` and
 * `GET /groups/{id}/transitiveMembers`: every nested member (users, groups,
 * devices…) with its `@odata.type`, paged like Graph's directory lists
 * (100 by default, 999 at most); `GET /groups/{id}/transitiveMemberOf`: the
 * groups it is nested in.
 */
import { containerType, requireGroup, transitiveGroups, withODataType } from '../directory';
import { GraphError } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { compileFilter } from '../filterEvaluation';
import { collection, DIRECTORY_PAGE, filterOption, paginate, project, selectOption } from '../queryOptions';
import type { Route } from '../router';
import { isGuid } from '../stableGuid';
import type { JsonObject, MemberContainer, TenantState } from '../tenantState';

const idOf = (object: JsonObject) => String(object['id']).toLowerCase();

type Member = { type: string; object: JsonObject };

/** Each nested member once, in the order Graph's walk would meet them (direct members first). */
function walk(tenant: TenantState, group: MemberContainer): Member[] {
  const users = new Map(tenant.users.map((u) => [idOf(u), u]));
  const groups = new Map(tenant.groups.map((g) => [idOf(g.object), g]));
  const seen = new Set<string>([idOf(group.object)]);
  const out: Member[] = [];
  const queue = [group];
  while (queue.length) {
    const current = queue.shift() as MemberContainer;
    for (const memberId of current.memberIds) {
      const key = memberId.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const user = users.get(key);
      const nested = groups.get(key);
      if (user) out.push({ type: 'user', object: user });
      else if (nested) {
        out.push({ type: containerType(tenant, nested), object: nested.object });
        queue.push(nested);
      } else out.push({ type: 'device', object: { id: memberId } });
    }
  }
  return out;
}

/**
 * A paged read of a large group asks for every page; walking the whole
 * tenant for each made a 100,000-member read quadratic. A walk is kept per
 * tenant and group while the counts of users, groups and memberships stay
 * as they were: write requests and tests only add, so any change redoes it.
 * Members are held by reference, so a changed property still shows.
 */
const walks = new WeakMap<TenantState, Map<MemberContainer, { version: string; members: Member[] }>>();

function tenantVersion(tenant: TenantState): string {
  const memberships = tenant.groups.reduce((n, g) => n + g.memberIds.length, 0);
  return `${tenant.users.length}/${tenant.groups.length}/${memberships}`;
}

function transitiveMembers(tenant: TenantState, group: MemberContainer): Member[] {
  const version = tenantVersion(tenant);
  const byGroup = walks.get(tenant) ?? new Map<MemberContainer, { version: string; members: Member[] }>();
  walks.set(tenant, byGroup);
  const held = byGroup.get(group);
  if (held?.version === version) return held.members;
  const members = walk(tenant, group);
  byGroup.set(group, { version, members });
  return members;
}

const GROUP_FILTER = { displayName: { type: 'string' as const, operators: ['eq'] as const, values: (g: JsonObject) => [g['displayName']] } };

export const groupRoutes: Route[] = [
  {
    method: 'GET',
    path: '/groups',
    handler: (req, _params, ctx) => {
      const matches = compileFilter(filterOption(req), GROUP_FILTER);
      const select = selectOption(req);
      const groups = ctx.tenant.groups.map((g) => g.object).filter(matches).map((g) => project(g, select));
      return ok(collection(metadataUrl(ctx, 'groups'), paginate(groups, req, ctx, DIRECTORY_PAGE)));
    },
  },
  {
    method: 'GET',
    path: '/groups/{group}',
    handler: (req, { group: key = '' }, ctx) => {
      if (!isGuid(key)) throw new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${key}'.`);
      return ok({ '@odata.context': metadataUrl(ctx, 'groups/$entity'), ...project(requireGroup(ctx.tenant, key).object, selectOption(req)) });
    },
  },
  {
    method: 'GET',
    path: '/groups/{group}/transitiveMembers',
    handler: (req, { group: key = '' }, ctx) => {
      const members = transitiveMembers(ctx.tenant, requireGroup(ctx.tenant, key));
      const page = paginate(members, req, ctx, DIRECTORY_PAGE);
      const select = selectOption(req);
      const items = page.items.map((m) => project(withODataType(m.type, m.object), select));
      return ok(collection(metadataUrl(ctx, 'directoryObjects'), { ...page, items }));
    },
  },
  {
    method: 'GET',
    path: '/groups/{group}/transitiveMemberOf',
    handler: (req, { group: key = '' }, ctx) => {
      const group = requireGroup(ctx.tenant, key);
      const containers = transitiveGroups(ctx.tenant, String(group.object['id'])).map((g) => withODataType('group', g.object));
      const select = selectOption(req);
      const page = paginate(containers, req, ctx, DIRECTORY_PAGE);
      return ok(collection(metadataUrl(ctx, 'directoryObjects'), { ...page, items: page.items.map((o) => project(o, select)) }));
    },
  },
];
