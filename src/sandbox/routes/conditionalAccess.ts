/** Conditional Access policies and authentication strengths (read only). */
import { metadataUrl, ok } from '../exchange';
import type { Route } from '../router';

export const conditionalAccessRoutes: Route[] = [
  {
    method: 'GET',
    path: '/identity/conditionalAccess/policies',
    handler: (_req, _params, ctx) =>
      ok({
        '@odata.context': metadataUrl(ctx, 'identity/conditionalAccess/policies'),
        value: ctx.tenant.conditionalAccessPolicies,
      }),
  },
  {
    method: 'GET',
    path: '/identity/conditionalAccess/authenticationStrength/policies',
    handler: (_req, _params, ctx) =>
      ok({
        '@odata.context': metadataUrl(ctx, 'identity/conditionalAccess/authenticationStrength/policies'),
        value: ctx.tenant.authenticationStrengthPolicies,
      }),
  },
  {
    method: 'GET',
    path: '/policies/authenticationStrengthPolicies',
    handler: (_req, _params, ctx) =>
      ok({
        '@odata.context': metadataUrl(ctx, 'policies/authenticationStrengthPolicies'),
        value: ctx.tenant.authenticationStrengthPolicies,
      }),
  },
];
