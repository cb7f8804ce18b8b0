/**
 * `GET /auditLogs/signIns`: needs Entra ID P1 (403 otherwise), newest
 * first, `$filter` on the documented properties, `$top` and paging. Beta
 * returns interactive sign-ins only and the MFA step details; v1.0 omits them.
 */
import { compileFilter, type FilterableProperties } from '../filterEvaluation';
import { premiumLicenceRequired } from '../graphErrors';
import { metadataUrl, ok } from '../exchange';
import { collection, filterOption, paginate, REPORTS_PAGE } from '../queryOptions';
import { instantOf } from '../relativeTime';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';

/** Sign-in properties that exist only on beta. */
const BETA_ONLY_FIELDS = [
  'authenticationDetails',
  'authenticationRequirement',
  'authenticationRequirementPolicies',
  'authenticationMethodsUsed',
  'authenticationProcessingDetails',
  'authenticationProtocol',
  'signInEventTypes',
  'signInIdentifier',
  'sessionLifetimePolicies',
  'incomingTokenType',
  'crossTenantAccessType',
  'networkLocationDetails',
  'processingTimeInMilliseconds',
  'flaggedForReview',
  'isTenantRestricted',
  'userType',
  'mfaDetail',
];

const field = (name: string) => (signIn: JsonObject) => [signIn[name]];

function filterableProperties(now: Date): FilterableProperties<JsonObject> {
  return {
    userPrincipalName: { type: 'string', operators: ['eq'], values: field('userPrincipalName') },
    userId: { type: 'string', operators: ['eq'], values: field('userId') },
    userDisplayName: { type: 'string', operators: ['eq'], values: field('userDisplayName') },
    appId: { type: 'string', operators: ['eq'], values: field('appId') },
    appDisplayName: { type: 'string', operators: ['eq'], values: field('appDisplayName') },
    createdDateTime: {
      type: 'dateTime',
      operators: ['eq', 'ge', 'le'],
      values: (signIn) => [instantOf(signIn['createdDateTime'], now)],
    },
    'status/errorCode': {
      type: 'number',
      operators: ['eq'],
      values: (signIn) => [(signIn['status'] as JsonObject | undefined)?.['errorCode']],
    },
  };
}

function forVersion(signIn: JsonObject, version: string): JsonObject {
  if (version === 'beta') return signIn;
  const copy = { ...signIn };
  for (const name of BETA_ONLY_FIELDS) delete copy[name];
  return copy;
}

export const signInRoutes: Route[] = [
  {
    method: 'GET',
    path: '/auditLogs/signIns',
    handler: (req, _params, ctx) => {
      if (ctx.licence === 'free') {
        throw premiumLicenceRequired();
      }
      const matches = compileFilter(filterOption(req), filterableProperties(ctx.now));
      const time = (signIn: JsonObject) => instantOf(signIn['createdDateTime'], ctx.now) ?? 0;
      const signIns = ctx.tenant.signIns
        .filter((signIn) => ctx.version === 'v1.0' || signIn['isInteractive'] !== false)
        .filter(matches)
        .sort((a, b) => time(b) - time(a))
        .map((signIn) => forVersion(signIn, ctx.version));
      return ok(collection(metadataUrl(ctx, 'auditLogs/signIns'), paginate(signIns, req, ctx, REPORTS_PAGE)));
    },
  },
];
