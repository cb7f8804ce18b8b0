/**
 * `GET /roleManagement/directory/roleEligibilityScheduleInstances`: users
 * eligible for a directory role through Privileged Identity Management, with
 * `$filter=principalId eq '…'`. PIM is a Microsoft Entra ID P2 feature: a
 * tenant without it gets 400 `AadPremiumLicenseRequired`. The sandbox knows
 * only P1 and "free", so it answers that on "free" and serves the fixture's
 * eligibilities on P1 (a real P1 tenant would get the 400 too). For built-in
 * roles `roleDefinitionId` is the role's template id.
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
      if (ctx.licence === 'free') throw new GraphError(400, PIM_LICENCE_ERROR, 'The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID Governance license.');
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
