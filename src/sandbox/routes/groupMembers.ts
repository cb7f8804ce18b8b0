/**
 * `GET /groups/{id}/transitiveMembers/microsoft.graph.group`: the groups
 * nested (at any depth) inside a group. Like Graph, an OData cast on a
 * membership collection is an advanced query: it needs the header
 * `ConsistencyLevel: eventual` and `$count=true` (docs/graph-facts.md §5).
 */
import { containerType, requireGroup, transitiveGroups, withODataType } from '../directory';
import { GraphError } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { collection, DIRECTORY_PAGE, paginate, project, selectOption } from '../queryOptions';
import type { Route } from '../router';

const idOf = (object: Record<string, unknown>) => String(object['id']).toLowerCase();

export const groupMemberRoutes: Route[] = [
  {
    method: 'GET',
    path: '/groups/{group}/transitiveMembers/microsoft.graph.group',
    handler: (req, { group: key = '' }, ctx) => {
      const group = requireGroup(ctx.tenant, key);
      if ((req.headers['consistencylevel'] ?? '').toLowerCase() !== 'eventual' || req.query.get('$count') !== 'true') {
        throw new GraphError(400, 'Request_UnsupportedQuery', "This request requires the ConsistencyLevel header set to 'eventual' and $count=true.");
      }
      const target = idOf(group.object);
      const nested = ctx.tenant.groups.filter(
        (candidate) => candidate !== group && transitiveGroups(ctx.tenant, String(candidate.object['id'])).some((g) => idOf(g.object) === target),
      );
      const select = selectOption(req);
      const objects = nested.map((container) => project(withODataType(containerType(ctx.tenant, container), container.object), select));
      const page = paginate(objects, req, ctx, DIRECTORY_PAGE);
      return ok({ ...collection(metadataUrl(ctx, 'groups'), page), '@odata.count': objects.length });
    },
  },
];
