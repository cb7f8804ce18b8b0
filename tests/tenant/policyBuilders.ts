/**
 * Hand-written tenants for the policy-check rules: `soundTenant()` follows the
 * runbook (one exclusion group, allow-list with attestation, TAP for the same
 * users, registration CA that a TAP satisfies) and yields no finding; each
 * test breaks one thing.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorById } from '../../src/catalog/authenticators';
import { known, type AuthenticationStrength, type ConditionalAccessPolicy, type Fido2Configuration, type PasskeyProfile, type TapConfiguration } from '../../src/model/facts';
import type { AuthenticationMethodsPolicy } from '../../src/model/facts';
import type { PolicyFacts } from '../../src/tenant/policyCheck/types';

export const G = {
  pilot: '11111111-1111-4111-8111-111111111111',
  keys: '22222222-2222-4222-8222-222222222222',
  exclusions: '33333333-3333-4333-8333-333333333333',
  breakGlass: '44444444-4444-4444-8444-444444444444',
  hello: '55555555-5555-4555-8555-555555555555',
  deleted: '99999999-9999-4999-8999-999999999999',
} as const;
export const NAMES: Record<string, string> = {
  [G.pilot]: 'Passkey pilot',
  [G.keys]: 'Security key users',
  [G.exclusions]: 'Passkey exclusions',
  [G.breakGlass]: 'Break-glass',
  [G.hello]: 'Windows Hello users',
};

export const DEFAULT_ID = '00000000-0000-0000-0000-000000000001';
export const KEYS_ID = 'c24e4a2e-3c84-46ea-b7ec-799b9fb5a233';
export const HELLO_ID = '3f1e5c7a-2b4d-4f6e-9a1c-7d9b1e3f5a7c';
export const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
export const HELLO_AAGUIDS = authenticatorById('windows-hello')?.aaGuids ?? [];
const AUTHENTICATOR = Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS);

export function passkeyProfile(overrides: Partial<PasskeyProfile> = {}): PasskeyProfile {
  return {
    id: DEFAULT_ID,
    name: 'Default passkey profile',
    passkeyTypes: ['deviceBound'],
    attestationEnforcement: 'registrationOnly',
    keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [YUBIKEY, ...AUTHENTICATOR] },
    ...overrides,
  };
}

export interface Tenant {
  fido2: Fido2Configuration;
  tap: TapConfiguration;
  policy: AuthenticationMethodsPolicy;
  registrationCa: ConditionalAccessPolicy[];
  allResourcesCa: ConditionalAccessPolicy[];
  strengths: AuthenticationStrength[];
  securityDefaults: boolean;
  groups: Record<string, string>;
}

export const STRENGTHS = {
  mfa: { id: '00000000-0000-0000-0000-000000000002', displayName: 'Multifactor authentication', allowedCombinations: ['fido2', 'temporaryAccessPassOneTime', 'password,microsoftAuthenticatorPush'] },
  phishingResistant: { id: '00000000-0000-0000-0000-000000000004', displayName: 'Phishing-resistant MFA', allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'] },
} satisfies Record<string, AuthenticationStrength>;

export function caPolicy(overrides: Partial<ConditionalAccessPolicy> = {}): ConditionalAccessPolicy {
  return {
    id: 'ca-1',
    displayName: 'Require MFA to register security info',
    state: 'enabled',
    userActions: ['urn:user:registersecurityinfo'],
    users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [G.breakGlass], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: false, excludeGuestsOrExternalUsers: false },
    builtInControls: [],
    authenticationStrengthId: STRENGTHS.mfa.id,
    ...overrides,
  };
}

export function soundTenant(): Tenant {
  const fido2: Fido2Configuration = {
    id: 'Fido2',
    state: 'enabled',
    includeTargets: [{ id: G.pilot, targetType: 'group', allowedPasskeyProfiles: [DEFAULT_ID] }],
    excludeTargets: [{ id: G.exclusions, targetType: 'group' }],
    isSelfServiceRegistrationAllowed: true,
    isAttestationEnforced: true,
    keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [YUBIKEY, ...AUTHENTICATOR] },
    defaultPasskeyProfile: DEFAULT_ID,
    passkeyProfiles: [passkeyProfile()],
  };
  const tap: TapConfiguration = {
    id: 'TemporaryAccessPass',
    state: 'enabled',
    includeTargets: [{ id: 'all_users', targetType: 'group' }],
    excludeTargets: [],
    defaultLifetimeInMinutes: 60,
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLength: 8,
    isUsableOnce: true,
  };
  const authenticator = { id: 'MicrosoftAuthenticator', state: 'enabled' as const, includeTargets: [{ id: 'all_users', targetType: 'group' as const }], excludeTargets: [] };
  return {
    fido2,
    tap,
    policy: {
      policyMigrationState: 'migrationComplete',
      fido2,
      temporaryAccessPass: tap,
      methodConfigurations: [fido2, tap, authenticator],
      registrationCampaign: { state: 'enabled', includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }], excludeTargets: [] },
    },
    registrationCa: [caPolicy()],
    allResourcesCa: [],
    strengths: Object.values(STRENGTHS),
    securityDefaults: false,
    groups: { ...NAMES },
  };
}

export function factsOf(t: Tenant): PolicyFacts {
  return {
    tenant: { id: 'tenant-id', displayName: 'Fabrikam' },
    authenticationMethodsPolicy: known(t.policy),
    securityDefaults: known({ isEnabled: t.securityDefaults }),
    registrationConditionalAccess: known(t.registrationCa),
    allResourcesConditionalAccess: known(t.allResourcesCa),
    authenticationStrengths: known(t.strengths),
    existingGroups: known(Object.fromEntries(Object.entries(t.groups).map(([id, displayName]) => [id, { id, displayName }]))),
  };
}
