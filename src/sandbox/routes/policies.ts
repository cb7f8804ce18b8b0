/** The authentication methods policy and the security defaults policy. */
import { itemNotFound } from '../graphErrors';
import { metadataUrl, ok, type RequestContext } from '../exchange';
import type { Route } from '../router';
import type { JsonObject } from '../tenantState';

const POLICY_DEFAULTS: JsonObject = {
  id: 'authenticationMethodsPolicy',
  displayName: 'Authentication Methods Policy',
  description:
    'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
};

const SECURITY_DEFAULTS: JsonObject = {
  id: '00000000-0000-0000-0000-000000000005',
  displayName: 'Security Defaults',
  description:
    'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
};

function configurations(ctx: RequestContext): JsonObject[] {
  const list = ctx.tenant.authenticationMethodsPolicy['authenticationMethodConfigurations'];
  return Array.isArray(list) ? (list as JsonObject[]) : [];
}

export const policyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/policies/authenticationMethodsPolicy',
    handler: (_req, _params, ctx) => {
      const { authenticationMethodConfigurations: _configurations, ...policy } = ctx.tenant.authenticationMethodsPolicy;
      return ok({
        '@odata.context': metadataUrl(ctx, 'authenticationMethodsPolicy'),
        ...POLICY_DEFAULTS,
        ...policy,
        'authenticationMethodConfigurations@odata.context': metadataUrl(
          ctx,
          'policies/authenticationMethodsPolicy/authenticationMethodConfigurations',
        ),
        authenticationMethodConfigurations: configurations(ctx),
      });
    },
  },
  {
    method: 'GET',
    path: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/{id}',
    handler: (_req, { id = '' }, ctx) => {
      const configuration = configurations(ctx).find((item) => String(item['id']).toLowerCase() === id.toLowerCase());
      if (!configuration) throw itemNotFound(`Authentication method configuration '${id}'`);
      return ok({
        '@odata.context': metadataUrl(ctx, 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity'),
        ...configuration,
      });
    },
  },
  {
    method: 'GET',
    path: '/policies/identitySecurityDefaultsEnforcementPolicy',
    handler: (_req, _params, ctx) =>
      ok({
        '@odata.context': metadataUrl(ctx, 'policies/identitySecurityDefaultsEnforcementPolicy/$entity'),
        ...SECURITY_DEFAULTS,
        ...ctx.tenant.securityDefaults,
      }),
  },
];
