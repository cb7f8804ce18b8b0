import { loadFixture, startSandbox, SANDBOX_GROUPS, type SandboxServer } from '../../src/sandbox';
import { batch, get, inner } from './sandboxHttp';

describe('sandbox tenant policies', () => {
  let sandbox: SandboxServer;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('serves the tenant snapshot batch of the request plan', async () => {
    const response = await batch(
      sandbox,
      [
        { id: 'policy', method: 'GET', url: '/policies/authenticationMethodsPolicy' },
        { id: 'securityDefaults', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
        { id: 'caPolicies', method: 'GET', url: '/identity/conditionalAccess/policies' },
        { id: 'authStrengths', method: 'GET', url: '/identity/conditionalAccess/authenticationStrength/policies' },
      ],
      'v1.0',
    );

    expect(response.body.responses.map((item: { status: number }) => item.status)).toEqual([200, 200, 200, 200]);
    expect(inner(response, 'securityDefaults').body).toMatchObject({ id: '00000000-0000-0000-0000-000000000005', isEnabled: false });
    expect(inner(response, 'caPolicies').body.value[0].conditions.applications.includeUserActions).toEqual([
      'urn:user:registersecurityinfo',
    ]);
    expect(inner(response, 'authStrengths').body.value.map((strength: { displayName: string }) => strength.displayName)).toEqual([
      'Multifactor authentication',
      'Passwordless MFA',
      'Phishing-resistant MFA',
    ]);
  });

  it('returns method configurations inline with group names resolved to ids', async () => {
    const response = await get(sandbox, '/v1.0/policies/authenticationMethodsPolicy');
    const fido2 = response.body.authenticationMethodConfigurations.find((item: { id: string }) => item.id === 'Fido2');

    expect(response.body.policyMigrationState).toBe('migrationComplete');
    expect(fido2.includeTargets).toEqual([
      expect.objectContaining({ id: SANDBOX_GROUPS.passkeyPilot, allowedPasskeyProfiles: ['00000000-0000-0000-0000-000000000001'] }),
      expect.objectContaining({ id: SANDBOX_GROUPS.securityKeysOnly }),
      expect.objectContaining({ id: 'd93dc501-6f14-42de-a730-6dbf7cd15fb5', allowedPasskeyProfiles: ['8ed74096-0eb5-4011-86e5-f798d35fb57a'] }),
      expect.objectContaining({ id: SANDBOX_GROUPS.windowsHelloPasskeys, allowedPasskeyProfiles: ['3f1e5c7a-2b4d-4f6e-9a1c-7d9b1e3f5a7c'] }),
    ]);
    expect(fido2.excludeTargets).toEqual([{ targetType: 'group', id: SANDBOX_GROUPS.passkeyExclusions }]);
    expect(fido2.passkeyProfiles[1]).toMatchObject({
      name: 'Security keys only',
      passkeyTypes: 'deviceBound',
      attestationEnforcement: 'registrationOnly',
      keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: expect.arrayContaining(['2fc0579f-8113-47ea-b116-bb5a8db9202a']) },
    });
  });

  it('serves one method configuration by a case-insensitive id', async () => {
    const tap = await get(sandbox, '/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass');
    const missing = await get(sandbox, '/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Carrier');

    expect(tap.body).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
      id: 'TemporaryAccessPass',
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: true,
    });
    expect(missing.status).toBe(404);
  });

  it('serves a tenant without Conditional Access policies', async () => {
    const fixture = loadFixture();
    fixture.conditionalAccessPolicies = [];
    const bare = await startSandbox({ fixture });
    try {
      const response = await get(bare, '/v1.0/identity/conditionalAccess/policies');
      expect(response.body.value).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
