/** Every Graph route the sandbox serves, under both `/v1.0` and `/beta`. */
import type { Route } from '../router';
import { authenticationMethodRoutes } from './authenticationMethods';
import { conditionalAccessRoutes } from './conditionalAccess';
import { directoryAuditRoutes } from './directoryAudits';
import { directoryObjectRoutes } from './directoryObjects';
import { groupMemberRoutes } from './groupMembers';
import { groupRoutes } from './groups';
import { registrationDetailsRoutes } from './registrationDetails';
import { membershipRoutes } from './memberships';
import { policyRoutes } from './policies';
import { roleEligibilityRoutes } from './roleEligibility';
import { signInRoutes } from './signIns';
import { temporaryAccessPassRoutes } from './temporaryAccessPass';
import { userRoutes } from './users';

export const graphRoutes: Route[] = [
  ...policyRoutes,
  ...conditionalAccessRoutes,
  ...userRoutes,
  ...authenticationMethodRoutes,
  ...temporaryAccessPassRoutes,
  ...membershipRoutes,
  ...groupMemberRoutes,
  ...groupRoutes,
  ...directoryObjectRoutes,
  ...signInRoutes,
  ...directoryAuditRoutes,
  ...roleEligibilityRoutes,
  ...registrationDetailsRoutes,
];
