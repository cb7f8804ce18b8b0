import { FINDING_CODES } from '../../src/model/findingCodes';
import { known, missing } from '../../src/model/facts';
import { evaluateMfaBootstrap } from '../../src/diagnosis/layers/mfaBootstrap/mfaBootstrap';
import { evaluateRegistrationCa } from '../../src/diagnosis/layers/mfaBootstrap/registrationCa';
import {
  AAGUID,
  GROUPS,
  authenticatorMethod,
  blocking,
  codes,
  contextOf,
  gap,
  group,
  methodConfig,
  minutesAgo,
  only,
  passkeyMethod,
  passwordMethod,
  readyWorld,
  tapMethod,
  type World,
} from './builders';

jest.mock('../../src/diagnosis/layers/mfaBootstrap/registrationCa', () => ({ evaluateRegistrationCa: jest.fn(() => []) }));
const registrationCa = jest.mocked(evaluateRegistrationCa);

const run = (world: World) => evaluateMfaBootstrap(contextOf(world));

const passwordOnly = (world: World, ...more: ReturnType<typeof tapMethod>[]): World => {
  world.methods = known([passwordMethod(), { kind: 'email', id: 'm-email', displayName: null }, ...more]);
  return world;
};

const countedMethods = (world: World) =>
  (only(run(world), 'L3.MFA_METHODS').evidence?.methods as Array<{ kind: string; counts: boolean }>).filter((m) => m.counts).map((m) => m.kind);

beforeEach(() => registrationCa.mockClear());

describe('layer 3: MFA bootstrap', () => {
  describe('MFA-capable methods', () => {
    it('passes a user with Microsoft Authenticator enabled for them, listing the methods that count', () => {
      const findings = run(readyWorld());
      expect(blocking(findings)).toEqual([]);
      expect(only(findings, 'L3.MFA_METHODS').message).toContain('Microsoft Authenticator');
    });

    it('fails a user with only a password and email, and offers a one-time TAP within the freshness window', () => {
      const f = only(run(passwordOnly(readyWorld())), 'L3.NO_MFA_METHOD');
      expect(f.severity).toBe('fail');
      expect(f.fix).toMatch(/one-time Temporary Access Pass.*within 5 minutes/);
      expect(f.evidence).toEqual({ methods: ['password', 'email'] });
    });

    it('does not count a registered method whose configuration is disabled once migration is complete', () => {
      const world = readyWorld();
      world.policy.methodConfigurations = world.policy.methodConfigurations.map((c) => (c.id === 'MicrosoftAuthenticator' ? { ...c, state: 'disabled' as const } : c));
      expect(codes(blocking(run(world)))).toEqual(['L3.NO_MFA_METHOD']);
    });

    it('does not count a method whose configuration excludes the user through a group', () => {
      const world = readyWorld();
      world.policy.methodConfigurations = world.policy.methodConfigurations.map((c) =>
        c.id === 'MicrosoftAuthenticator' ? { ...c, excludeTargets: [group(GROUPS.pilot)] } : c,
      );
      expect(codes(blocking(run(world)))).toEqual(['L3.NO_MFA_METHOD']);
    });

    it('counts registered strong methods regardless of the policy before migration completes, and says legacy settings apply', () => {
      const world = readyWorld();
      world.policy.policyMigrationState = 'migrationInProgress';
      world.policy.methodConfigurations = world.policy.methodConfigurations.map((c) => (c.id === 'MicrosoftAuthenticator' ? { ...c, state: 'disabled' as const } : c));
      const findings = run(world);
      expect(codes(blocking(findings))).toEqual([]);
      expect(only(findings, 'L3.LEGACY_MFA_SETTINGS').message).toContain('migrationInProgress');
    });

    it('counts a phone through the Voice configuration when SMS is off', () => {
      const world = readyWorld();
      world.methods = known([passwordMethod(), { kind: 'phone', id: 'm-phone', displayName: null }]);
      world.policy.methodConfigurations = world.policy.methodConfigurations.map((c) =>
        c.id === 'Sms' ? { ...c, state: 'disabled' as const } : c.id === 'Voice' ? { ...c, state: 'enabled' as const } : c,
      );
      expect(countedMethods(world)).toEqual(['phone']);
    });

    it('counts an external method only through the configuration it names', () => {
      const world = readyWorld();
      const eamId = 'b7e0f5e2-6a59-4bb4-8f8d-000000000eam';
      world.methods = known([passwordMethod(), { kind: 'external', id: 'm-eam', displayName: 'Duo', configurationId: eamId }]);
      expect(codes(blocking(run(world)))).toEqual(['L3.NO_MFA_METHOD']);
      world.policy.methodConfigurations.push(methodConfig(eamId));
      expect(countedMethods(world)).toEqual(['external']);
    });

    it('counts Windows Hello for Business, which no method configuration governs', () => {
      const world = readyWorld();
      world.methods = known([passwordMethod(), { kind: 'windowsHelloForBusiness', id: 'm-whfb', displayName: 'LAPTOP-1' }]);
      expect(countedMethods(world)).toEqual(['windowsHelloForBusiness']);
    });

    it('counts a passkey the Fido2 configuration allows', () => {
      const world = readyWorld();
      world.methods = known([passwordMethod(), passkeyMethod(AAGUID.yubikey5)]);
      expect(countedMethods(world)).toEqual(['fido2']);
    });
  });

  describe('Temporary Access Pass', () => {
    it('lets a usable TAP stand in for an MFA method and says until when', () => {
      const findings = run(passwordOnly(readyWorld(), tapMethod()));
      expect(codes(blocking(findings))).toEqual([]);
      const f = only(findings, 'L3.TAP_USABLE');
      expect(f.message).toContain('until 2026-11-22 10:50 UTC');
      expect(f.evidence).toEqual(expect.objectContaining({ validUntil: '2026-11-22T10:50:00.000Z' }));
    });

    it('judges a TAP without isUsable by its window: usable one millisecond before it ends', () => {
      const tap = tapMethod({ isUsable: null, methodUsabilityReason: null, startDateTime: new Date(Date.parse(minutesAgo(60)) + 1).toISOString() });
      expect(codes(run(passwordOnly(readyWorld(), tap)))).toContain('L3.TAP_USABLE');
    });

    it('judges a TAP without isUsable by its window: expired at the exact end of its lifetime', () => {
      const tap = tapMethod({ isUsable: null, methodUsabilityReason: null, startDateTime: minutesAgo(60) });
      const findings = run(passwordOnly(readyWorld(), tap));
      expect(codes(blocking(findings))).toEqual(['L3.NO_MFA_METHOD', 'L3.TAP_NOT_USABLE']);
      expect(only(findings, 'L3.TAP_NOT_USABLE').message).toContain('expired at 2026-11-22 10:00 UTC');
    });

    it('explains a TAP that is not valid yet', () => {
      const tap = tapMethod({ isUsable: false, methodUsabilityReason: 'NotYetValid', startDateTime: '2026-11-22T12:00:00.000Z' });
      expect(only(run(passwordOnly(readyWorld(), tap)), 'L3.TAP_NOT_USABLE').message).toContain('only becomes valid at 2026-11-22 12:00 UTC');
    });

    it('explains a one-time TAP that was already used', () => {
      const tap = tapMethod({ isUsable: false, methodUsabilityReason: 'OneTimeUsed' });
      const f = only(run(passwordOnly(readyWorld(), tap)), 'L3.TAP_NOT_USABLE');
      expect(f.severity).toBe('warn');
      expect(f.message).toContain('one-time pass and has already been used');
    });

    it('warns that the TAP policy blocks a user who has no MFA method when the TAP method is off', () => {
      const world = passwordOnly(readyWorld());
      world.policy.temporaryAccessPass.state = 'disabled';
      const findings = run(world);
      expect(codes(blocking(findings))).toEqual(['L3.NO_MFA_METHOD', 'L3.TAP_POLICY_BLOCKS']);
      expect(only(findings, 'L3.NO_MFA_METHOD').fix).toMatch(/^First fix the Temporary Access Pass policy/);
    });

    it('does not mention the TAP policy for a user who has an MFA method and no TAP', () => {
      const world = readyWorld();
      world.policy.temporaryAccessPass.state = 'disabled';
      expect(codes(run(world))).not.toContain('L3.TAP_POLICY_BLOCKS');
    });

    it('makes a TAP Graph calls usable unusable when the user is excluded from the TAP policy, naming the group', () => {
      const world = passwordOnly(readyWorld(), tapMethod());
      world.policy.temporaryAccessPass.excludeTargets = [group(GROUPS.contractors)];
      world.memberOf = known([GROUPS.pilot, GROUPS.contractors]);
      const findings = run(world);
      expect(codes(blocking(findings))).toEqual(['L3.NO_MFA_METHOD', 'L3.TAP_NOT_USABLE', 'L3.TAP_POLICY_BLOCKS']);
      expect(only(findings, 'L3.TAP_POLICY_BLOCKS').message).toContain('"Contractors"');
      expect(only(findings, 'L3.TAP_NOT_USABLE').evidence).toEqual(expect.objectContaining({ methodUsabilityReason: 'DisabledByPolicy' }));
    });

    it('warns about the TAP policy for a user with a TAP even when they have another MFA method', () => {
      const world = readyWorld();
      world.methods = known([passwordMethod(), authenticatorMethod(), tapMethod()]);
      world.policy.temporaryAccessPass.includeTargets = [group(GROUPS.securityKeys)];
      expect(codes(blocking(run(world)))).toEqual(['L3.TAP_NOT_USABLE', 'L3.TAP_POLICY_BLOCKS']);
    });
  });

  describe('registration Conditional Access', () => {
    it('asks the CA check with the usable method kinds and whether a TAP is available', () => {
      const world = readyWorld();
      world.tenantExtras = { registrationConditionalAccess: known([]), authenticationStrengths: known([]) };
      const code = 'L3.REGISTRATION_CA_UNSATISFIABLE';
      registrationCa.mockReturnValueOnce([{ code, severity: FINDING_CODES[code].severity, message: 'CA requires a phishing-resistant method.' }]);
      const findings = run(world);
      expect(registrationCa).toHaveBeenCalledWith(expect.anything(), ['microsoftAuthenticator'], { inHand: null, issuable: ['oneTime'] });
      expect(codes(blocking(findings))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
    });

    it('does not ask the CA check when the tenant snapshot has no CA facts', () => {
      run(readyWorld());
      expect(registrationCa).not.toHaveBeenCalled();
    });
  });

  it('is unknown, never a pass, when the registered methods cannot be read', () => {
    const world = readyWorld();
    world.methods = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'UserAuthenticationMethod.Read.All' }));
    expect(codes(run(world))).toEqual(['GRAPH.PERMISSION_MISSING']);
  });
});
