/** `GET /users/{id|upn}` and `POST /users/{id|upn}/revokeSignInSessions`. */
import { recordAudit } from '../auditTrail';
import { requireUser } from '../directory';
import { GraphError } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { selectOption } from '../queryOptions';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';

/** What v1.0 returns without `$select` (beta returns every stored property). */
const V1_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** Properties of `microsoft.graph.user` that `$select` may name even when the fixture leaves them out. */
const KNOWN_PROPERTIES = new Set(
  [
    ...V1_DEFAULT_PROPERTIES,
    'accountEnabled',
    'ageGroup',
    'assignedLicenses',
    'city',
    'companyName',
    'country',
    'createdDateTime',
    'creationType',
    'department',
    'employeeId',
    'externalUserState',
    'identities',
    'imAddresses',
    'mailNickname',
    'onPremisesSyncEnabled',
    'otherMails',
    'passwordPolicies',
    'proxyAddresses',
    'signInSessionsValidFromDateTime',
    'usageLocation',
    'userType',
  ].map((name) => name.toLowerCase()),
);

function selectUser(user: JsonObject, select: string[]): JsonObject {
  const selected: JsonObject = {};
  for (const name of select) {
    const key = Object.keys(user).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key !== undefined) {
      selected[key] = user[key];
    } else if (KNOWN_PROPERTIES.has(name.toLowerCase())) {
      selected[name] = null;
    } else {
      throw new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
    }
  }
  return selected;
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/{user}',
    handler: (req, { user: key = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      const select = selectOption(req);
      if (select !== null) {
        return ok({ '@odata.context': metadataUrl(ctx, `users(${select.join(',')})/$entity`), ...selectUser(user, select) });
      }
      const body = ctx.version === 'v1.0' ? selectUser(user, V1_DEFAULT_PROPERTIES) : user;
      return ok({ '@odata.context': metadataUrl(ctx, 'users/$entity'), ...body });
    },
  },
  {
    method: 'POST',
    path: '/users/{user}/revokeSignInSessions',
    handler: (_req, { user: key = '' }, ctx) => {
      const user = requireUser(ctx.tenant, key);
      user['signInSessionsValidFromDateTime'] = ctx.now.toISOString();
      recordAudit(ctx.tenant, {
        activityDisplayName: 'Update StsRefreshTokenValidFrom Timestamp',
        loggedByService: 'Core Directory',
        operationType: 'Update',
        resultReason: '',
        target: user,
        now: ctx.now,
      });
      return ok({ '@odata.context': metadataUrl(ctx, 'Edm.Boolean'), value: true });
    },
  },
];
