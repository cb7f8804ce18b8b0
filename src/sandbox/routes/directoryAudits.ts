/** `GET /auditLogs/directoryAudits`: newest first, `$filter` on the documented properties, `$top` and paging. */
import { compileFilter, type FilterableProperties } from '../filterEvaluation';
import { metadataUrl, ok } from '../exchange';
import { objectOrEmpty } from '../json';
import { collection, filterOption, paginate, REPORTS_PAGE } from '../queryOptions';
import { instantOf } from '../relativeTime';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';

function at(record: unknown, path: string[]): unknown {
  let value = record;
  for (const key of path) {
    value = objectOrEmpty(value)[key];
  }
  return value;
}

const property = (...path: string[]) => (audit: JsonObject) => [at(audit, path)];

/** A lambda over `targetResources` matches when any target does. */
const targetField = (name: string) => (audit: JsonObject) => {
  const targets = audit['targetResources'];
  return Array.isArray(targets) ? targets.map((target) => at(target, [name])) : [];
};

function filterableProperties(now: Date): FilterableProperties<JsonObject> {
  return {
    activityDisplayName: { type: 'string', operators: ['eq'], values: property('activityDisplayName') },
    activityDateTime: {
      type: 'dateTime',
      operators: ['eq', 'ge', 'le'],
      values: (audit) => [instantOf(audit['activityDateTime'], now)],
    },
    category: { type: 'string', operators: ['eq'], values: property('category') },
    loggedByService: { type: 'string', operators: ['eq'], values: property('loggedByService') },
    result: { type: 'string', operators: ['eq'], values: property('result') },
    'initiatedBy/user/id': { type: 'string', operators: ['eq'], values: property('initiatedBy', 'user', 'id') },
    'initiatedBy/user/displayName': {
      type: 'string',
      operators: ['eq'],
      values: property('initiatedBy', 'user', 'displayName'),
    },
    'initiatedBy/user/userPrincipalName': {
      type: 'string',
      operators: ['eq'],
      values: property('initiatedBy', 'user', 'userPrincipalName'),
    },
    'initiatedBy/app/appId': { type: 'string', operators: ['eq'], values: property('initiatedBy', 'app', 'appId') },
    'initiatedBy/app/displayName': {
      type: 'string',
      operators: ['eq'],
      values: property('initiatedBy', 'app', 'displayName'),
    },
    'targetResources/any/id': { type: 'string', operators: ['eq'], values: targetField('id') },
    'targetResources/any/displayName': { type: 'string', operators: ['eq'], values: targetField('displayName') },
  };
}

export const directoryAuditRoutes: Route[] = [
  {
    method: 'GET',
    path: '/auditLogs/directoryAudits',
    handler: (req, _params, ctx) => {
      const matches = compileFilter(filterOption(req), filterableProperties(ctx.now));
      const time = (audit: JsonObject) => instantOf(audit['activityDateTime'], ctx.now) ?? 0;
      const audits = ctx.tenant.directoryAudits.filter(matches).sort((a, b) => time(b) - time(a));
      return ok(collection(metadataUrl(ctx, 'auditLogs/directoryAudits'), paginate(audits, req, ctx, REPORTS_PAGE)));
    },
  },
];
