import { known, missing } from '../../src/model/facts';
import { FINDING_CODES, type FindingCode } from '../../src/model/findingCodes';
import { evaluate, layerStatus, outcomeOf } from '../../src/diagnosis/verdict';
import type { Finding, LayerResult, LayerStatus } from '../../src/model/verdictTypes';
import { GROUPS, gap, group, inputOf, minutesAgo, passwordMethod, readyWorld, signIn, step, type World } from './builders';

/**
 * Layers 1–4 run for real unless a test overrides them; layers 5–7 belong to
 * other files and report nothing here unless a test says otherwise, so these
 * tests prove the verdict rules, not the endpoint layers.
 */
const mockOverrides: Partial<Record<number, Finding[]>> = {};
// A function declaration: jest hoists the mock factories above every `const`.
function mockLayer(layer: number, path: string, name: string) {
  const module = layer <= 4 ? jest.requireActual(path) : {};
  const actual = layer <= 4 ? module[name] : () => [];
  // The rest of a real layer's module stays (layer 4 asks layer 3 how the user gets through MFA).
  return { ...module, [name]: (ctx: unknown) => mockOverrides[layer] ?? actual(ctx) };
}
jest.mock('../../src/diagnosis/layers/policyTargeting/policyTargeting', () => mockLayer(1, '../../src/diagnosis/layers/policyTargeting/policyTargeting', 'evaluatePolicyTargeting'));
jest.mock('../../src/diagnosis/layers/passkeyProfiles/passkeyProfiles', () => mockLayer(2, '../../src/diagnosis/layers/passkeyProfiles/passkeyProfiles', 'evaluatePasskeyProfiles'));
jest.mock('../../src/diagnosis/layers/mfaBootstrap/mfaBootstrap', () => mockLayer(3, '../../src/diagnosis/layers/mfaBootstrap/mfaBootstrap', 'evaluateMfaBootstrap'));
jest.mock('../../src/diagnosis/layers/recentMfa/recentMfa', () => mockLayer(4, '../../src/diagnosis/layers/recentMfa/recentMfa', 'evaluateRecentMfa'));
jest.mock('../../src/diagnosis/layers/platform/platform', () => mockLayer(5, '', 'evaluatePlatform'));
jest.mock('../../src/diagnosis/layers/hardware/hardware', () => mockLayer(6, '', 'evaluateHardware'));
jest.mock('../../src/diagnosis/layers/provider/provider', () => mockLayer(7, '', 'evaluateProvider'));

const USAGE = { requests: 6, roundTrips: 1 };
const diagnose = (world: World) => evaluate(inputOf(world), USAGE);
const f = (code: FindingCode, evidence?: Record<string, unknown>): Finding => ({
  code,
  severity: FINDING_CODES[code].severity,
  message: `${code} happened.`,
  ...(evidence ? { evidence } : {}),
});
const statuses = (layers: LayerResult[]): LayerStatus[] => layers.map((l) => l.status);

/** A user with a password only: layer 3 fails with L3.NO_MFA_METHOD. */
function noMfaWorld(): World {
  const world = readyWorld();
  world.methods = known([passwordMethod()]);
  world.signIns = known([signIn(minutesAgo(1), { authenticationDetails: [step('Password', 'Primary authentication')] })]);
  return world;
}

afterEach(() => {
  for (const key of Object.keys(mockOverrides)) delete mockOverrides[Number(key)];
});

describe('verdict', () => {
  describe('layer status', () => {
    it('is the worst finding: fail over warn over unknown over needs-info over pass', () => {
      expect(layerStatus([f('L2.NEEDS_AUTHENTICATOR'), f('L2.AUTHENTICATOR_UNKNOWN'), f('L2.NO_APPLICABLE_PROFILE'), f('GRAPH.THROTTLED')])).toBe('fail');
      expect(layerStatus([f('L2.NEEDS_AUTHENTICATOR'), f('GRAPH.THROTTLED'), f('L2.AUTHENTICATOR_UNKNOWN')])).toBe('warn');
      expect(layerStatus([f('L2.NEEDS_AUTHENTICATOR'), f('GRAPH.THROTTLED')])).toBe('unknown');
      expect(layerStatus([f('L2.NEEDS_AUTHENTICATOR')])).toBe('needs-info');
    });

    it('ignores info findings', () => {
      expect(layerStatus([f('L2.PROFILES_APPLIED'), f('L3.TAP_USABLE')])).toBe('pass');
      expect(layerStatus([])).toBe('pass');
    });
  });

  describe('outcome', () => {
    const layers = (...s: LayerStatus[]) => s.map((status, i) => ({ layer: (i + 1) as 1, title: '', owner: 'identity-team' as const, status, findings: [] }));

    it('is blocked by any fail, at-risk by any warn, incomplete by unknown or needs-info, else ready', () => {
      expect(outcomeOf(layers('pass', 'warn', 'fail'))).toBe('blocked');
      expect(outcomeOf(layers('unknown', 'warn', 'pass'))).toBe('at-risk');
      expect(outcomeOf(layers('pass', 'unknown'))).toBe('incomplete');
      expect(outcomeOf(layers('needs-info', 'pass'))).toBe('incomplete');
      expect(outcomeOf(layers('pass', 'pass'))).toBe('ready');
    });

    it('calls a user who can register right now ready, with all seven layers in order', () => {
      const verdict = diagnose(readyWorld());
      expect(verdict.outcome).toBe('ready');
      expect(verdict.rootCause).toBeNull();
      expect(verdict.layers.map((l) => l.layer)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(verdict.layers.map((l) => l.owner)).toEqual(['identity-team', 'identity-team', 'identity-team', 'user-session', 'endpoint', 'endpoint', 'endpoint']);
      expect(verdict.suggestedActions).toEqual(['rerun']);
    });

    it('is never ready when sign-in logs could not be read', () => {
      const world = readyWorld();
      world.signIns = missing(gap('GRAPH.LICENCE_MISSING'));
      const verdict = diagnose(world);
      expect(statuses(verdict.layers)[3]).toBe('unknown');
      expect(verdict.outcome).toBe('incomplete');
    });
  });

  describe('root cause', () => {
    it('is the first fail of the lowest failing layer, in catalogue order', () => {
      const world = readyWorld();
      world.policy.fido2.isSelfServiceRegistrationAllowed = false;
      world.policy.fido2.excludeTargets = [group(GROUPS.pilot)];
      world.methods = known([passwordMethod()]);
      const verdict = diagnose(world);
      expect(verdict.layers[0].findings.map((x) => x.code)).toEqual(['L1.EXCLUDED', 'L1.SELF_SERVICE_OFF']);
      expect(verdict.rootCause).toEqual({ layer: 1, code: 'L1.EXCLUDED', owner: 'identity-team' });
      expect(verdict.outcome).toBe('blocked');
    });

    it('orders findings by the catalogue whatever order a layer returns them in', () => {
      mockOverrides[2] = [f('L2.SYNCED_NOT_ALLOWED'), f('L2.PROFILES_APPLIED'), f('L2.ATTESTATION_REQUIRED')];
      const verdict = diagnose(readyWorld());
      expect(verdict.layers[1].findings.map((x) => x.code)).toEqual(['L2.ATTESTATION_REQUIRED', 'L2.SYNCED_NOT_ALLOWED', 'L2.PROFILES_APPLIED']);
      expect(verdict.rootCause).toEqual({ layer: 2, code: 'L2.ATTESTATION_REQUIRED', owner: 'identity-team' });
    });

    it('skips a lower layer that only warns', () => {
      mockOverrides[1] = [f('L1.TARGET_GROUP_MISSING')];
      mockOverrides[6] = [f('L6.KEY_NOT_ATTESTATION_ELIGIBLE')];
      expect(diagnose(readyWorld()).rootCause).toEqual({ layer: 6, code: 'L6.KEY_NOT_ATTESTATION_ELIGIBLE', owner: 'endpoint' });
    });

    it('is null when nothing fails', () => {
      mockOverrides[4] = [f('L4.MFA_STALE')];
      const verdict = diagnose(readyWorld());
      expect(verdict.outcome).toBe('at-risk');
      expect(verdict.rootCause).toBeNull();
    });
  });

  describe('suggested actions', () => {
    it('offers a TAP when the root cause is no MFA method and the TAP policy lets the user in', () => {
      const verdict = diagnose(noMfaWorld());
      expect(verdict.rootCause?.code).toBe('L3.NO_MFA_METHOD');
      expect(verdict.suggestedActions).toEqual(['issue-tap', 'escalate', 'rerun']);
    });

    it('offers a TAP when a registration CA policy is satisfiable only by a TAP', () => {
      mockOverrides[3] = [f('L3.REGISTRATION_CA_UNSATISFIABLE', { satisfiedByNewTap: ['temporaryAccessPassOneTime'] })];
      expect(diagnose(readyWorld()).suggestedActions).toContain('issue-tap');
    });

    it('does not offer a TAP when the registration CA policy would not accept one', () => {
      mockOverrides[3] = [f('L3.REGISTRATION_CA_UNSATISFIABLE', { tapAvailable: false })];
      expect(diagnose(readyWorld()).suggestedActions).not.toContain('issue-tap');
    });

    it('does not offer a TAP the TAP policy would refuse', () => {
      const world = noMfaWorld();
      world.policy.temporaryAccessPass.state = 'disabled';
      expect(diagnose(world).suggestedActions).not.toContain('issue-tap');
    });

    it('does not offer a TAP when an earlier layer is the root cause', () => {
      const world = noMfaWorld();
      world.policy.fido2.isSelfServiceRegistrationAllowed = false;
      expect(diagnose(world).suggestedActions).not.toContain('issue-tap');
    });

    it('does not offer a TAP to a disabled account', () => {
      const world = noMfaWorld();
      world.user.accountEnabled = false;
      mockOverrides[1] = [];
      expect(diagnose(world).suggestedActions).not.toContain('issue-tap');
    });

    it('does not offer a TAP to an external guest', () => {
      const world = noMfaWorld();
      world.user.userType = 'Guest';
      world.user.userPrincipalName = 'frank_fabrikam.com#EXT#@contoso.com';
      mockOverrides[1] = [];
      expect(diagnose(world).suggestedActions).not.toContain('issue-tap');
    });

    it('asks the user to re-authenticate when MFA is stale and layers 1–3 do not fail', () => {
      const world = readyWorld();
      world.signIns = known([signIn(minutesAgo(30))]);
      const verdict = diagnose(world);
      expect(verdict.outcome).toBe('at-risk');
      expect(verdict.suggestedActions).toEqual(['reauthenticate', 'escalate', 'rerun']);
    });

    it('does not ask for re-authentication while layer 3 fails', () => {
      const world = noMfaWorld();
      world.signIns = known([signIn(minutesAgo(30))]);
      expect(diagnose(world).suggestedActions).not.toContain('reauthenticate');
    });

    it('offers to remove a registered passkey the profiles now block', () => {
      mockOverrides[2] = [f('L2.REGISTERED_PASSKEY_NOW_BLOCKED', { registered: true })];
      expect(diagnose(readyWorld()).suggestedActions).toEqual(['remove-passkey', 'escalate', 'rerun']);
    });

    it('offers to remove a registered passkey in the wrong provider, not one that would go there', () => {
      mockOverrides[7] = [f('L7.WRONG_PROVIDER', { registered: true })];
      expect(diagnose(readyWorld()).suggestedActions).toContain('remove-passkey');
      mockOverrides[7] = [f('L7.WRONG_PROVIDER', { registered: false })];
      expect(diagnose(readyWorld()).suggestedActions).not.toContain('remove-passkey');
    });

    it('asks for device details when layer 5, 6 or 7 needs info, without escalating', () => {
      mockOverrides[5] = [f('L5.DEVICE_UNKNOWN')];
      const verdict = diagnose(readyWorld());
      expect(verdict.outcome).toBe('incomplete');
      expect(verdict.suggestedActions).toEqual(['add-device-details', 'rerun']);
    });

    it('asks for device details when layer 2 needs to know the authenticator', () => {
      mockOverrides[2] = [f('L2.NEEDS_AUTHENTICATOR')];
      expect(diagnose(readyWorld()).suggestedActions).toEqual(['add-device-details', 'rerun']);
    });
  });

  describe('user not found', () => {
    it('has no user, no root cause, no actions, and one finding per layer', () => {
      const input = inputOf(readyWorld());
      input.user.user = known(null);
      input.user.subject = 'nobody@contoso.com';
      const verdict = evaluate(input, USAGE);
      expect(verdict).toEqual(
        expect.objectContaining({ subject: 'nobody@contoso.com', user: null, outcome: 'user-not-found', rootCause: null, suggestedActions: [], recentFailures: [] }),
      );
      expect(verdict.layers.map((l) => l.findings.map((x) => x.code))).toEqual([
        ['GRAPH.USER_NOT_FOUND'],
        ...Array.from({ length: 6 }, () => ['GRAPH.NOT_EVALUATED']),
      ]);
      expect(statuses(verdict.layers)).toEqual(Array(7).fill('unknown'));
    });

    it('is incomplete with a re-run when the user could not be read at all', () => {
      const input = inputOf(readyWorld());
      input.user.user = missing(gap('GRAPH.UNAVAILABLE', { request: 'GET /users/alice@contoso.com' }));
      const verdict = evaluate(input, USAGE);
      expect(verdict.outcome).toBe('incomplete');
      expect(verdict.suggestedActions).toEqual(['rerun']);
    });
  });
});
