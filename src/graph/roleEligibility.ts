/**
 * Directory roles a user is eligible for through Privileged Identity
 * Management. An eligible role is one click of activation from active, so a
 * Temporary Access Pass for such a user is a pass to a privileged account.
 * Without a P2 licence there is no PIM, hence no eligibility: that answer is
 * certain, not a gap.
 *
 * https://learn.microsoft.com/graph/api/rbacapplication-list-roleeligibilityscheduleinstances:
 * "Get the instances of role eligibilities." Least privileged application
 * permission: RoleEligibilitySchedule.Read.Directory.
 */
import { known, missing, type Fact } from '../model/facts';
import { filterParam, odataString } from './odata';
import { strings, values } from './parse/values';
import { gapFor, graphErrorCode } from './responseErrors';
import type { GraphTransport } from './transport';
import { UsageMeter } from './transport';

/**
 * What Graph answers a tenant without Microsoft Entra ID P2 (or Governance)
 * on the PIM APIs: 400 with this code and "The tenant needs to have
 * Microsoft Entra ID P2 or Microsoft Entra ID Governance license." (seen on
 * this very endpoint, maester365/maester#1421). Matched on the code, whatever
 * the status.
 */
const NO_PIM_LICENCE = 'AadPremiumLicenseRequired';

export async function eligibleRoleIds(transport: GraphTransport, userId: string): Promise<Fact<string[]>> {
  const path = `/roleManagement/directory/roleEligibilityScheduleInstances?${filterParam([`principalId eq ${odataString(userId)}`])}&$select=roleDefinitionId`;
  const response = await transport.send('GET', 'v1.0', path, new UsageMeter());
  if (response.status === 200) {
    return known(values(response.body).flatMap((instance) => strings([instance.roleDefinitionId])));
  }
  if (response.status >= 400 && response.status < 500 && graphErrorCode(response.body) === NO_PIM_LICENCE) return known([]);
  return missing(gapFor({ id: 'roleEligibility', ...response }, 'GET /roleManagement/directory/roleEligibilityScheduleInstances'));
}
