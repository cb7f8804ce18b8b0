/** `POST /directoryObjects/getByIds`: the objects that exist, optionally of given types. */
import { findDirectoryObject, withODataType } from '../directory';
import { GraphError, invalidObjectId, invalidRequestBody } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { objectOrEmpty } from '../json';
import type { Route } from '../router';
import { isGuid } from '../stableGuid';

const MAX_IDS = 1000;

function stringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** `group`, `microsoft.graph.group` and `#microsoft.graph.group` all name the same type. */
function normaliseType(type: string): string {
  return type.replace(/^#?microsoft\.graph\./i, '').toLowerCase();
}

export const directoryObjectRoutes: Route[] = [
  {
    method: 'POST',
    path: '/directoryObjects/getByIds',
    handler: (req, _params, ctx) => {
      const { ids, types } = objectOrEmpty(req.body);
      if (!stringArray(ids)) throw invalidRequestBody("'ids' must be an array of strings.");
      if (types !== undefined && !stringArray(types)) throw invalidRequestBody("'types' must be an array of strings.");
      if (ids.length > MAX_IDS) {
        throw new GraphError(400, 'Request_BadRequest', `The number of ids (${ids.length}) exceeds the maximum of ${MAX_IDS}.`);
      }
      const invalid = ids.find((id) => !isGuid(id));
      if (invalid !== undefined) throw invalidObjectId(invalid);
      const wantedTypes = types?.map(normaliseType);
      const value = ids
        .map((id) => findDirectoryObject(ctx.tenant, id))
        .filter((found): found is NonNullable<typeof found> => found !== undefined)
        .filter((found) => wantedTypes === undefined || wantedTypes.includes(found.type.toLowerCase()))
        .map((found) => withODataType(found.type, found.object));
      return ok({ '@odata.context': metadataUrl(ctx, 'directoryObjects'), value });
    },
  },
];
