/**
 * `GET /roleManagement/directory/roleEligibilityScheduleInstances`: users
 * eligible for a directory role through Privileged Identity Management, with
 * `$filter=principalId eq '…'`. PIM is a Microsoft Entra ID P2 feature; the
 * sandbox's "free" licence answers 403 as a tenant without it does. For
 * built-in roles `roleDefinitionId` is the role's template id.
 */
import { compileFilter, type FilterableProperties } from '../filterEvaluation';
import { GraphError } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { filterOption } from '../queryOptions';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';

export const PIM_LICENCE_ERROR = 'AadPremiumLicenseRequired';

const PROPERTIES: FilterableProperties<JsonObject> = {
  principalId: { type: 'string', operators: ['eq'], values: (instance) => [instance['principalId']] },
  roleDefinitionId: { type: 'string', operators: ['eq'], values: (instance) => [instance['roleDefinitionId']] },
};

export const roleEligibilityRoutes: Route[] = [
  {
    method: 'GET',
    path: '/roleManagement/directory/roleEligibilityScheduleInstances',
    handler: (req, _params, ctx) => {
      if (ctx.licence === 'free') throw new GraphError(403, PIM_LICENCE_ERROR, 'The tenant needs a Microsoft Entra ID P2 or Governance licence.');
      const matches = compileFilter(filterOption(req), PROPERTIES);
      const value = ctx.tenant.directoryRoles
        .flatMap((role) =>
          (role.eligibleIds ?? []).map((principalId) => ({
            id: `${role.object['id']}-${principalId}`,
            principalId,
            roleDefinitionId: role.object['roleTemplateId'],
            directoryScopeId: '/',
            appScopeId: null,
            memberType: 'Direct',
            startDateTime: null,
            endDateTime: null,
          })),
        )
        .filter(matches);
      return ok({ '@odata.context': metadataUrl(ctx, 'roleManagement/directory/roleEligibilityScheduleInstances'), value });
    },
  },
];
