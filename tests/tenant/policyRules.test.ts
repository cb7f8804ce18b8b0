import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../src/catalog/authenticators';
import { missing } from '../../src/model/facts';
import { evaluatePolicy } from '../../src/tenant/policyCheck/evaluate';
import { policyCodeIds, type PolicyCode } from '../../src/tenant/policyCheck/codes';
import { G, HELLO_AAGUIDS, HELLO_ID, KEYS_ID, STRENGTHS, YUBIKEY, caPolicy, factsOf, passkeyProfile, soundTenant, type Tenant } from './policyBuilders';

const codesOf = (t: Tenant): PolicyCode[] => evaluatePolicy(factsOf(t)).map((f) => f.code);

/** Each rule: what breaks the runbook's design so that the rule, and only a rule about it, fires. */
const BROKEN: Array<[PolicyCode, (t: Tenant) => void]> = [
  ['POLICY.METHOD_DISABLED', (t) => (t.fido2.state = 'disabled')],
  ['POLICY.NO_TARGETS', (t) => (t.fido2.includeTargets = [])],
  ['POLICY.SELF_SERVICE_OFF', (t) => (t.fido2.isSelfServiceRegistrationAllowed = false)],
  ['POLICY.ALLOW_LIST_EMPTY', (t) => (t.fido2.passkeyProfiles[0].keyRestrictions.aaGuids = [])],
  ['POLICY.TARGET_GROUP_MISSING', (t) => delete t.groups[G.pilot]],
  ['POLICY.MANY_EXCLUSIONS', (t) => t.fido2.excludeTargets.push({ id: 'c0ffee00-0000-4000-8000-000000000001', targetType: 'user' })],
  ['POLICY.ATTESTATION_WITHOUT_ALLOW_LIST', (t) => (t.fido2.passkeyProfiles[0].keyRestrictions = { isEnforced: false, enforcementType: 'block', aaGuids: [] })],
  ['POLICY.AUTHENTICATOR_APP_BLOCKED', (t) => (t.fido2.passkeyProfiles[0].keyRestrictions.aaGuids = [YUBIKEY])],
  ['POLICY.TAP_DISABLED', (t) => (t.tap.state = 'disabled')],
  ['POLICY.TAP_SCOPE_NARROWER', (t) => (t.tap.includeTargets = [{ id: G.keys, targetType: 'group' }])],
  ['POLICY.REGISTRATION_CA_WITHOUT_TAP', (t) => (t.registrationCa = [caPolicy({ authenticationStrengthId: STRENGTHS.phishingResistant.id })])],
  ['POLICY.SECURITY_DEFAULTS_ON', (t) => (t.securityDefaults = true)],
  ['POLICY.PROFILE_UNUSED', (t) => t.fido2.passkeyProfiles.push(passkeyProfile({ id: KEYS_ID, name: 'Contractors' }))],
  ['POLICY.SYNCED_WITH_ATTESTATION', (t) => (t.fido2.passkeyProfiles[0].passkeyTypes = ['deviceBound', 'synced'])],
  ['POLICY.WINDOWS_HELLO_NOT_ALLOWED', (t) => (t.fido2.passkeyProfiles[0].name = 'Windows Hello passkeys')],
  ['POLICY.CAMPAIGN_INEFFECTIVE', (t) => (t.policy.methodConfigurations[2].state = 'disabled')],
  [
    'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP',
    (t) => (t.allResourcesCa = [caPolicy({ displayName: 'Phishing-resistant everywhere', userActions: [], authenticationStrengthId: STRENGTHS.phishingResistant.id })]),
  ],
];

describe('policy check rules: the runbook design passes, each broken setting fails', () => {
  it('finds nothing in a tenant that follows the runbook', () => {
    expect(evaluatePolicy(factsOf(soundTenant()))).toEqual([]);
  });

  it('has a pass/fail case for every code in the catalogue', () => {
    expect([...BROKEN.map(([code]) => code), 'POLICY.CHECK_NOT_RUN'].sort()).toEqual(policyCodeIds().sort());
  });

  it.each(BROKEN)('%s fires when its setting is broken', (code, breakIt) => {
    const broken = soundTenant();
    breakIt(broken);
    expect(codesOf(broken)).toContain(code);
    expect(codesOf(soundTenant())).not.toContain(code);
  });

  it('a disabled method is one fail, not a cascade of findings about a method nobody uses', () => {
    const t = soundTenant();
    t.fido2.state = 'disabled';
    t.fido2.passkeyProfiles[0].keyRestrictions.aaGuids = [];
    expect(codesOf(t)).toEqual(['POLICY.METHOD_DISABLED']);
  });
});

describe('policy check across several passkey profiles', () => {
  /** Two groups with two profiles and one excluded group; the Windows Hello profile is fine, the security-key one is not. */
  function multiProfileTenant(): Tenant {
    const t = soundTenant();
    t.fido2.passkeyProfiles.push(
      passkeyProfile({ id: KEYS_ID, name: 'Security keys only', keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [] } }),
      passkeyProfile({ id: HELLO_ID, name: 'Windows Hello', attestationEnforcement: 'disabled', keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [...HELLO_AAGUIDS, ...Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS)] } }),
    );
    t.fido2.includeTargets.push({ id: G.keys, targetType: 'group', allowedPasskeyProfiles: [KEYS_ID] }, { id: G.hello, targetType: 'group', allowedPasskeyProfiles: [HELLO_ID] });
    return t;
  }

  it('names the one profile whose allow-list is empty, and only it', () => {
    const findings = evaluatePolicy(factsOf(multiProfileTenant()));
    const empty = findings.filter((f) => f.code === 'POLICY.ALLOW_LIST_EMPTY');
    expect(empty.map((f) => f.evidence.profile)).toEqual(['Security keys only']);
    expect(empty[0]).toMatchObject({ severity: 'fail', maester: 'EIDSCA.AF05' });
    expect(findings.filter((f) => f.code === 'POLICY.WINDOWS_HELLO_NOT_ALLOWED')).toEqual([]);
  });

  it('flags a Windows Hello profile that lists one Windows Hello AAGUID but not the others', () => {
    const t = multiProfileTenant();
    t.fido2.passkeyProfiles[2].keyRestrictions.aaGuids = [HELLO_AAGUIDS[0]];
    const hello = evaluatePolicy(factsOf(t)).find((f) => f.code === 'POLICY.WINDOWS_HELLO_NOT_ALLOWED');
    expect(hello?.evidence).toMatchObject({ profile: 'Windows Hello', missingAaguids: HELLO_AAGUIDS.slice(1) });
  });

  it('the Authenticator finding names the profile that rejects it and the group the campaign nudges', () => {
    const t = multiProfileTenant();
    t.fido2.passkeyProfiles[1].keyRestrictions.aaGuids = [YUBIKEY];
    const blocked = evaluatePolicy(factsOf(t)).filter((f) => f.code === 'POLICY.AUTHENTICATOR_APP_BLOCKED');
    expect(blocked.map((f) => f.evidence)).toEqual([{ profile: 'Security keys only', targets: ['Security key users'] }]);
  });

  it('warns when the TAP method leaves out one of the passkey groups', () => {
    const t = multiProfileTenant();
    t.tap.includeTargets = [{ id: G.pilot, targetType: 'group' }, { id: G.keys, targetType: 'group' }];
    const narrower = evaluatePolicy(factsOf(t)).find((f) => f.code === 'POLICY.TAP_SCOPE_NARROWER');
    expect(narrower?.evidence.uncovered).toEqual(['Windows Hello users']);
  });

  it('orders findings fail, warn, info, then by code', () => {
    const t = multiProfileTenant();
    t.securityDefaults = true;
    t.tap.state = 'disabled';
    const order = evaluatePolicy(factsOf(t)).map((f) => `${f.severity} ${f.code}`);
    expect(order).toEqual([
      'fail POLICY.ALLOW_LIST_EMPTY',
      'warn POLICY.AUTHENTICATOR_APP_BLOCKED',
      'warn POLICY.TAP_DISABLED',
      'info POLICY.SECURITY_DEFAULTS_ON',
    ]);
  });
});

describe('policy check on a legacy tenant (no passkey profiles)', () => {
  function legacyTenant(): Tenant {
    const t = soundTenant();
    t.fido2.passkeyProfiles = [];
    t.fido2.defaultPasskeyProfile = null;
    t.fido2.includeTargets = [{ id: G.pilot, targetType: 'group', allowedPasskeyProfiles: [] }];
    return t;
  }

  it('reads keyRestrictions and isAttestationEnforced as one virtual profile and finds it sound', () => {
    expect(codesOf(legacyTenant())).toEqual([]);
  });

  it('reports the legacy allow-list when it is enforced and empty', () => {
    const t = legacyTenant();
    t.fido2.keyRestrictions.aaGuids = [];
    const empty = evaluatePolicy(factsOf(t)).find((f) => f.code === 'POLICY.ALLOW_LIST_EMPTY');
    expect(empty?.message).toMatch(/tenant-wide passkey settings/);
  });

  it('reports attestation enforced without an allow-list on the legacy flag', () => {
    const t = legacyTenant();
    t.fido2.keyRestrictions = { isEnforced: false, enforcementType: 'block', aaGuids: [] };
    expect(codesOf(t)).toEqual(['POLICY.ATTESTATION_WITHOUT_ALLOW_LIST']);
  });
});

describe('policy check with a deleted target group and unreadable facts', () => {
  it('names the deleted group and where it is used', () => {
    const t = soundTenant();
    t.fido2.excludeTargets = [{ id: G.deleted, targetType: 'group' }];
    t.registrationCa = [caPolicy({ users: { ...caPolicy().users, excludeGroups: [G.deleted] } })];
    const missingGroup = evaluatePolicy(factsOf(t)).filter((f) => f.code === 'POLICY.TARGET_GROUP_MISSING');
    expect(missingGroup).toHaveLength(1);
    expect(missingGroup[0].evidence).toEqual({ groupId: G.deleted, where: ['Passkey (FIDO2) method', 'Conditional Access policy "Require MFA to register security info"'] });
    expect(missingGroup[0].maester).toBe('MT.1067');
  });

  it('a 403 on the CA policies is an unknown finding naming Policy.Read.All, and the other rules still run', () => {
    const t = soundTenant();
    t.tap.state = 'disabled';
    const gap = { code: 'GRAPH.PERMISSION_MISSING' as const, reason: 'Microsoft Graph refused the request (Authorization_RequestDenied); Passkey Doctor needs the Policy.Read.All application permission.', permission: 'Policy.Read.All', request: 'GET /identity/conditionalAccess/policies' };
    const facts = { ...factsOf(t), registrationConditionalAccess: missing(gap), allResourcesConditionalAccess: missing(gap) };
    const findings = evaluatePolicy(facts as ReturnType<typeof factsOf>);
    const unknown = findings.filter((f) => f.severity === 'unknown');
    expect(unknown.map((f) => f.evidence.check)).toEqual(['POLICY.REGISTRATION_CA_WITHOUT_TAP', 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP']);
    expect(unknown[0].fix).toMatch(/Policy\.Read\.All/);
    expect(findings.map((f) => f.code)).toContain('POLICY.TAP_DISABLED');
  });
});
