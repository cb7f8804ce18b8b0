/**
 * Group and role membership of a user: `memberOf`, `transitiveMemberOf`
 * (paged like Graph: 100 by default, 999 at most) and `checkMemberGroups`
 * (transitive, at most 20 ids, real object ids only).
 */
import {
  containerType,
  directMemberships,
  requireUser,
  transitiveGroups,
  transitiveMemberships,
  userId,
  withODataType,
} from '../directory';
import { GraphError, invalidObjectId, invalidRequestBody } from '../graphErrors';
import { metadataUrl, ok, type GraphRequest, type GraphResponse, type RequestContext } from '../exchange';
import { objectOrEmpty } from '../json';
import { collection, DIRECTORY_PAGE, paginate, project, selectOption } from '../queryOptions';
import type { Route } from '../router';
import type { MemberContainer } from '../tenantState';
import { isGuid } from '../stableGuid';

const MAX_GROUP_IDS = 20;

function listMemberships(
  req: GraphRequest,
  ctx: RequestContext,
  key: string,
  memberships: (objectId: string) => MemberContainer[],
): GraphResponse {
  const user = requireUser(ctx.tenant, key);
  const select = selectOption(req);
  const objects = memberships(userId(user)).map((container) =>
    project(withODataType(containerType(ctx.tenant, container), container.object), select),
  );
  const context = metadataUrl(ctx, select === null ? 'directoryObjects' : `directoryObjects(${select.join(',')})`);
  return ok(collection(context, paginate(objects, req, ctx, DIRECTORY_PAGE)));
}

function groupIdsFrom(body: unknown): string[] {
  const groupIds = objectOrEmpty(body)['groupIds'];
  if (!Array.isArray(groupIds) || !groupIds.every((id): id is string => typeof id === 'string')) {
    throw invalidRequestBody("'groupIds' must be an array of strings.");
  }
  if (groupIds.length > MAX_GROUP_IDS) {
    throw new GraphError(
      400,
      'Request_BadRequest',
      `The number of groupIds (${groupIds.length}) exceeds the maximum of ${MAX_GROUP_IDS}.`,
    );
  }
  const invalid = groupIds.find((id) => !isGuid(id));
  if (invalid !== undefined) throw invalidObjectId(invalid);
  return groupIds;
}

export const membershipRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/{user}/memberOf',
    handler: (req, { user = '' }, ctx) =>
      listMemberships(req, ctx, user, (objectId) => directMemberships(ctx.tenant, objectId)),
  },
  {
    method: 'GET',
    path: '/users/{user}/transitiveMemberOf',
    handler: (req, { user = '' }, ctx) =>
      listMemberships(req, ctx, user, (objectId) => transitiveMemberships(ctx.tenant, objectId)),
  },
  {
    method: 'POST',
    path: '/users/{user}/checkMemberGroups',
    handler: (req, { user: key = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      const wanted = groupIdsFrom(req.body);
      const memberOf = new Set(
        transitiveGroups(ctx.tenant, userId(user)).map((group) => String(group.object['id']).toLowerCase()),
      );
      return ok({
        '@odata.context': metadataUrl(ctx, 'Collection(Edm.String)'),
        value: wanted.filter((id) => memberOf.has(id.toLowerCase())),
      });
    },
  },
];
