/**
 * `GET /groups/{id}`, `GET /groups?$filter=displayName eq '…'` and
 * `GET /groups/{id}/transitiveMembers`: every nested member (users, groups,
 * devices…) with its `@odata.type`, paged like Graph's directory lists
 * (100 by default, 999 at most); `GET /groups/{id}/transitiveMemberOf`: the
 * groups it is nested in.
 */
import { containerType, transitiveGroups, withODataType } from '../directory';
import { GraphError, resourceNotFound } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { compileFilter } from '../filterEvaluation';
import { collection, DIRECTORY_PAGE, filterOption, paginate, project, selectOption } from '../queryOptions';
import type { Route } from '../router';
import type { JsonObject, MemberContainer, TenantState } from '../tenantState';

const idOf = (object: JsonObject) => String(object['id']).toLowerCase();

function findGroup(tenant: TenantState, key: string): MemberContainer {
  const group = tenant.groups.find((candidate) => idOf(candidate.object) === key.toLowerCase());
  if (!group) throw resourceNotFound(key);
  return group;
}

/** Each nested member once, in the order Graph's walk would meet them (direct members first). */
function transitiveMemberObjects(tenant: TenantState, group: MemberContainer): JsonObject[] {
  const users = new Map(tenant.users.map((u) => [idOf(u), u]));
  const groups = new Map(tenant.groups.map((g) => [idOf(g.object), g]));
  const seen = new Set<string>([idOf(group.object)]);
  const out: JsonObject[] = [];
  const queue = [group];
  while (queue.length) {
    const current = queue.shift() as MemberContainer;
    for (const memberId of current.memberIds) {
      const key = memberId.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const user = users.get(key);
      const nested = groups.get(key);
      if (user) out.push(withODataType('user', user));
      else if (nested) {
        out.push(withODataType(containerType(tenant, nested), nested.object));
        queue.push(nested);
      } else out.push({ '@odata.type': '#microsoft.graph.device', id: memberId });
    }
  }
  return out;
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
      if (!/^[0-9a-f-]{36}$/i.test(key)) throw new GraphError(400, 'Request_BadRequest', `Invalid object identifier '${key}'.`);
      return ok({ '@odata.context': metadataUrl(ctx, 'groups/$entity'), ...project(findGroup(ctx.tenant, key).object, selectOption(req)) });
    },
  },
  {
    method: 'GET',
    path: '/groups/{group}/transitiveMembers',
    handler: (req, { group: key = '' }, ctx) => {
      const objects = transitiveMemberObjects(ctx.tenant, findGroup(ctx.tenant, key));
      const page = paginate(objects, req, ctx, DIRECTORY_PAGE);
      const select = selectOption(req);
      return ok(collection(metadataUrl(ctx, 'directoryObjects'), { ...page, items: page.items.map((o) => project(o, select)) }));
    },
  },
  {
    method: 'GET',
    path: '/groups/{group}/transitiveMemberOf',
    handler: (req, { group: key = '' }, ctx) => {
      const group = findGroup(ctx.tenant, key);
      const containers = transitiveGroups(ctx.tenant, String(group.object['id'])).map((g) => withODataType('group', g.object));
      const select = selectOption(req);
      const page = paginate(containers, req, ctx, DIRECTORY_PAGE);
      return ok(collection(metadataUrl(ctx, 'directoryObjects'), { ...page, items: page.items.map((o) => project(o, select)) }));
    },
  },
];
