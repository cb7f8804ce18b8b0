/**
 * Hand-written facts for the layer tests: `readyWorld()` is a member who can
 * register a passkey right now; each test tweaks the plain objects it holds
 * and turns them into a LayerContext or a DiagnosisInput.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorById } from '../../src/catalog/authenticators';
import type { DiagnosisInput, LayerContext } from '../../src/diagnosis/context';
import type { ResolvedDevice } from '../../src/diagnosis/device';
import {
  known,
  missing,
  type AuditEvent,
  type AuthMethod,
  type AuthenticationMethodsPolicy,
  type AuthenticationStep,
  type DirectoryUser,
  type Fact,
  type FactGap,
  type Fido2Configuration,
  type MethodConfiguration,
  type PasskeyProfile,
  type PolicyTarget,
  type SignIn,
  type TapConfiguration,
  type TenantFacts,
} from '../../src/model/facts';
import type { IntendedAuthenticator } from '../../src/diagnosis/intendedAuthenticator';
import type { Membership } from '../../src/diagnosis/scope';
import type { Finding } from '../../src/model/verdictTypes';

export const NOW = '2026-11-22T10:00:00.000Z';
export const NOW_MS = Date.parse(NOW);
export const minutesAgo = (minutes: number): string => new Date(NOW_MS - minutes * 60_000).toISOString();

export const USER_ID = '6e7b768e-07e2-4810-8459-485f84f8f204';
export const GROUPS = {
  pilot: '11111111-1111-4111-8111-111111111111',
  contractors: '22222222-2222-4222-8222-222222222222',
  nestedTeam: '33333333-3333-4333-8333-333333333333',
  securityKeys: '44444444-4444-4444-8444-444444444444',
  deleted: '99999999-9999-4999-8999-999999999999',
} as const;
const GROUP_NAMES: Record<string, string> = {
  [GROUPS.pilot]: 'Passkey pilot',
  [GROUPS.contractors]: 'Contractors',
  [GROUPS.nestedTeam]: 'Finance team',
  [GROUPS.securityKeys]: 'Security key users',
};

export const AAGUID = {
  authenticatorIos: MICROSOFT_AUTHENTICATOR_AAGUIDS.ios,
  authenticatorAndroid: MICROSOFT_AUTHENTICATOR_AAGUIDS.android,
  yubikey5: 'cb69481e-8ff7-4039-93ec-0a2729a154a8',
  windowsHello: '08987058-cadc-4b81-b6e1-30de50dcbe96',
  icloudKeychain: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd',
  googlePasswordManager: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4',
  notInCatalogue: '0badc0de-0000-4000-8000-000000000000',
} as const;

/** The three Windows Hello AAGUIDs a profile must allow explicitly. */
export const WINDOWS_HELLO_AAGUIDS: string[] = authenticatorById('windows-hello')?.aaGuids ?? [];

export const DEFAULT_PROFILE_ID = '00000000-0000-0000-0000-000000000001';
export const SECURITY_KEYS_PROFILE_ID = '5ec0e1c0-0000-4000-8000-000000000002';

export const group = (id: string, allowedPasskeyProfiles?: string[]): PolicyTarget => ({
  id,
  targetType: 'group',
  ...(allowedPasskeyProfiles ? { allowedPasskeyProfiles } : {}),
});
export const allUsers = (allowedPasskeyProfiles?: string[]): PolicyTarget => group('all_users', allowedPasskeyProfiles);

export function profile(overrides: Partial<PasskeyProfile> = {}): PasskeyProfile {
  return {
    id: DEFAULT_PROFILE_ID,
    name: 'Default passkey profile',
    passkeyTypes: ['deviceBound', 'synced'],
    attestationEnforcement: 'disabled',
    keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
    ...overrides,
  };
}

export const allowList = (...aaGuids: string[]) => ({ isEnforced: true, enforcementType: 'allow' as const, aaGuids });
export const blockList = (...aaGuids: string[]) => ({ isEnforced: true, enforcementType: 'block' as const, aaGuids });

export function methodConfig(id: string, overrides: Partial<MethodConfiguration> = {}): MethodConfiguration {
  return { id, state: 'enabled', includeTargets: [allUsers()], excludeTargets: [], ...overrides };
}

function fido2Config(): Fido2Configuration {
  return {
    ...methodConfig('Fido2', { includeTargets: [group(GROUPS.pilot, [DEFAULT_PROFILE_ID])], excludeTargets: [] }),
    isSelfServiceRegistrationAllowed: true,
    isAttestationEnforced: false,
    keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
    defaultPasskeyProfile: DEFAULT_PROFILE_ID,
    passkeyProfiles: [profile()],
  };
}

function tapConfig(): TapConfiguration {
  return {
    ...methodConfig('TemporaryAccessPass'),
    defaultLifetimeInMinutes: 60,
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLength: 8,
    isUsableOnce: true,
  };
}

export const step = (method: string, requirement: string, overrides: Partial<AuthenticationStep> = {}): AuthenticationStep => ({
  method,
  detail: null,
  requirement,
  succeeded: true,
  time: null,
  ...overrides,
});

export const MY_SIGNINS_APP_ID = '19db86c3-b2b9-44cc-b339-36da233a3be2';

let signInCounter = 0;
/** A successful password + Authenticator sign-in to My Sign-ins. */
export function signIn(createdDateTime: string, overrides: Partial<SignIn> = {}): SignIn {
  signInCounter += 1;
  return {
    id: `signin-${signInCounter}`,
    createdDateTime,
    appId: MY_SIGNINS_APP_ID,
    appDisplayName: 'My Signins',
    isInteractive: true,
    errorCode: 0,
    failureReason: null,
    operatingSystem: 'Windows 10',
    browser: 'Edge 131.0.0',
    userAgent: null,
    authenticationRequirement: 'multiFactorAuthentication',
    authenticationDetails: [step('Password', 'Primary authentication'), step('Mobile app notification', 'MFA')],
    ...overrides,
  };
}

export const authenticatorMethod = (): AuthMethod => ({ kind: 'microsoftAuthenticator', id: 'm-authenticator', displayName: 'iPhone 15' });
export const passwordMethod = (): AuthMethod => ({ kind: 'password', id: 'm-password', displayName: null });
export function passkeyMethod(aaGuid: string, overrides: Partial<Extract<AuthMethod, { kind: 'fido2' }>> = {}): AuthMethod {
  return {
    kind: 'fido2',
    id: `m-passkey-${aaGuid.slice(0, 8)}`,
    displayName: 'My passkey',
    aaGuid,
    model: null,
    passkeyType: null,
    attestationLevel: null,
    createdDateTime: minutesAgo(60 * 24 * 30),
    ...overrides,
  };
}
export function tapMethod(overrides: Partial<Extract<AuthMethod, { kind: 'temporaryAccessPass' }>> = {}): AuthMethod {
  return {
    kind: 'temporaryAccessPass',
    id: 'm-tap',
    isUsable: true,
    methodUsabilityReason: 'EnabledByPolicy',
    startDateTime: minutesAgo(10),
    lifetimeInMinutes: 60,
    isUsableOnce: true,
    createdDateTime: minutesAgo(10),
    ...overrides,
  };
}

export const gap = (code: FactGap['code'], overrides: Partial<FactGap> = {}): FactGap => ({
  code,
  reason: 'Microsoft Graph refused the request.',
  request: 'GET /auditLogs/signIns',
  ...overrides,
});

/** Everything a diagnosis reads, as plain mutable objects. */
export interface World {
  user: DirectoryUser;
  policy: AuthenticationMethodsPolicy & { fido2: Fido2Configuration; temporaryAccessPass: TapConfiguration };
  /** Set to a gap to make the whole policy unreadable. */
  policyFact?: Fact<AuthenticationMethodsPolicy>;
  securityDefaults: Fact<{ isEnabled: boolean }>;
  targetGroups: Fact<Record<string, { id: string; displayName: string }>>;
  /** Transitive memberships among the checked groups. */
  memberOf: Fact<string[]>;
  directGroupIds: Fact<string[]>;
  methods: Fact<AuthMethod[]>;
  signIns: Fact<SignIn[]>;
  audits: Fact<AuditEvent[]>;
  device: ResolvedDevice;
  intended: IntendedAuthenticator | null;
  settings: { mfaFreshnessMinutes: number; signInLookbackDays: number };
  tenantExtras: Pick<TenantFacts, 'registrationConditionalAccess' | 'authenticationStrengths' | 'exclusionNestedGroups'>;
}

export function readyWorld(): World {
  const fido2 = fido2Config();
  const temporaryAccessPass = tapConfig();
  return {
    user: { id: USER_ID, userPrincipalName: 'alice@contoso.com', displayName: 'Alice Example', userType: 'Member', accountEnabled: true },
    policy: {
      policyMigrationState: 'migrationComplete',
      fido2,
      temporaryAccessPass,
      methodConfigurations: [
        fido2,
        temporaryAccessPass,
        methodConfig('MicrosoftAuthenticator'),
        methodConfig('Sms'),
        methodConfig('Voice', { state: 'disabled' }),
        methodConfig('SoftwareOath'),
        methodConfig('Email'),
      ],
    },
    securityDefaults: known({ isEnabled: false }),
    targetGroups: known(Object.fromEntries(Object.entries(GROUP_NAMES).map(([id, displayName]) => [id, { id, displayName }]))),
    memberOf: known([GROUPS.pilot]),
    directGroupIds: known([GROUPS.pilot]),
    methods: known([passwordMethod(), authenticatorMethod()]),
    signIns: known([signIn(minutesAgo(2))]),
    audits: known([]),
    device: { os: null, osVersion: null, browser: null, path: null, authenticator: null, source: null, inferredFrom: null },
    intended: null,
    settings: { mfaFreshnessMinutes: 5, signInLookbackDays: 7 },
    tenantExtras: {},
  };
}

/** Keeps `methodConfigurations` in step when a test replaces `policy.fido2` or `policy.temporaryAccessPass`. */
function policyOf(world: World): AuthenticationMethodsPolicy {
  const { fido2, temporaryAccessPass } = world.policy;
  const replaced = new Map<string, MethodConfiguration>([['fido2', fido2], ['temporaryaccesspass', temporaryAccessPass]]);
  return {
    ...world.policy,
    methodConfigurations: world.policy.methodConfigurations.map((c) => replaced.get(c.id.toLowerCase()) ?? c),
  };
}

export function tenantOf(world: World): TenantFacts {
  return {
    authenticationMethodsPolicy: world.policyFact ?? known(policyOf(world)),
    securityDefaults: world.securityDefaults,
    targetGroups: world.targetGroups,
    ...world.tenantExtras,
  };
}

export function inputOf(world: World, device?: DiagnosisInput['device']): DiagnosisInput {
  return {
    tenant: tenantOf(world),
    user: {
      subject: world.user.userPrincipalName,
      now: NOW,
      user: known(world.user),
      checkedGroupIds: Object.values(GROUPS),
      memberOfCheckedGroups: world.memberOf,
      directGroupIds: world.directGroupIds,
      methods: world.methods,
      signIns: world.signIns,
      audits: world.audits,
    },
    ...(device ? { device } : {}),
    settings: world.settings,
  };
}

/** The context the layers see, with the device and intended authenticator exactly as the test set them. */
export function contextOf(world: World): LayerContext {
  const input = inputOf(world);
  const membership = world.memberOf.ok
    ? known({
        userId: world.user.id,
        groups: new Set(world.memberOf.value),
        directGroups: world.directGroupIds.ok ? new Set(world.directGroupIds.value) : undefined,
      })
    : missing<Membership>(world.memberOf.failure);
  return {
    tenant: input.tenant,
    facts: input.user,
    user: world.user,
    policy: input.tenant.authenticationMethodsPolicy,
    membership,
    device: world.device,
    intended: world.intended,
    settings: world.settings,
    nowMs: NOW_MS,
  };
}

export const codes = (findings: Finding[]): string[] => findings.map((f) => f.code);
export const blocking = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity !== 'info');
export function only(findings: Finding[], code: string): Finding {
  const matches = findings.filter((f) => f.code === code);
  if (matches.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(codes(findings))}`);
  return matches[0];
}
