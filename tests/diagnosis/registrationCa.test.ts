import { evaluateMfaBootstrap } from '../../src/diagnosis/layers/mfaBootstrap/mfaBootstrap';
import type { TapOptions } from '../../src/diagnosis/layers/mfaBootstrap/authStrength';
import { evaluateRegistrationCa } from '../../src/diagnosis/layers/mfaBootstrap/registrationCa';
import { evaluate, layerStatus } from '../../src/diagnosis/verdict';
import { known, missing, type AuthMethod, type AuthenticationStrength, type ConditionalAccessPolicy } from '../../src/model/facts';
import type { LayerContext } from '../../src/diagnosis/context';
import { GROUPS, authenticatorMethod, codes, contextOf, gap, inputOf, methodConfig, only, passwordMethod, readyWorld, tapMethod, type World } from './builders';
import { givenDevice } from './deviceBuilders';

const STRENGTH = {
  mfa: '00000000-0000-0000-0000-000000000002',
  phishingResistant: '00000000-0000-0000-0000-000000000004',
  tapOnly: 'c0ffee00-0000-4000-8000-000000000001',
  multiUseTap: 'c0ffee00-0000-4000-8000-000000000002',
  certificate: 'c0ffee00-0000-4000-8000-000000000003',
};
const STRENGTHS: AuthenticationStrength[] = [
  { id: STRENGTH.mfa, displayName: 'Multifactor authentication', allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush', 'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse', 'password,microsoftAuthenticatorPush', 'password,softwareOath', 'password,hardwareOath', 'password,sms', 'password,voice', 'federatedMultiFactor'] },
  { id: STRENGTH.phishingResistant, displayName: 'Phishing-resistant MFA', allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'] },
  { id: STRENGTH.tapOnly, displayName: 'Passkey or one-time TAP', allowedCombinations: ['fido2', 'temporaryAccessPassOneTime'] },
  { id: STRENGTH.multiUseTap, displayName: 'Passkey or multi-use TAP', allowedCombinations: ['fido2', 'temporaryAccessPassMultiUse'] },
  { id: STRENGTH.certificate, displayName: 'Certificates only', allowedCombinations: ['x509CertificateMultiFactor'] },
];
const UNCHECKED_GROUP = '77777777-7777-4777-8777-777777777777';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

function caPolicy(overrides: Partial<ConditionalAccessPolicy> = {}, users: Partial<ConditionalAccessPolicy['users']> = {}): ConditionalAccessPolicy {
  return {
    id: 'ca-registration',
    displayName: 'Require phishing-resistant MFA to register security info',
    state: 'enabled',
    userActions: ['urn:user:registersecurityinfo'],
    users: {
      includeUsers: [],
      excludeUsers: [],
      includeGroups: [GROUPS.contractors],
      excludeGroups: [],
      includeRoles: [],
      excludeRoles: [],
      includeGuestsOrExternalUsers: false,
      excludeGuestsOrExternalUsers: false,
      ...users,
    },
    builtInControls: [],
    authenticationStrengthId: STRENGTH.phishingResistant,
    ...overrides,
  };
}

/** A ready user in the CA-targeted group (Contractors), with the given CA policies. */
function caWorld(...policies: ConditionalAccessPolicy[]): World {
  const world = readyWorld();
  world.memberOf = known([GROUPS.pilot, GROUPS.contractors]);
  world.tenantExtras = { registrationConditionalAccess: known(policies), authenticationStrengths: known(STRENGTHS) };
  return world;
}

const withRoles = (ctx: LayerContext, roles: string[] | null): LayerContext => ({
  ...ctx,
  facts: { ...ctx.facts, directoryRoleIds: roles ? known(roles) : missing(gap('GRAPH.PERMISSION_MISSING', { request: 'GET /users/{upn}/memberOf' })) },
});

/** What layer 3 hands over: the usable pass the user holds, and the kinds the world's TAP policy lets the help desk issue. */
function tapOptions(world: World = readyWorld(), tapAvailable = true): TapOptions {
  const held = world.methods.ok ? world.methods.value.find((m) => m.kind === 'temporaryAccessPass' && 'isUsable' in m && m.isUsable) : undefined;
  const inHand = held && 'isUsableOnce' in held ? (held.isUsableOnce ? 'oneTime' : 'multiUse') : null;
  const issuable: TapOptions['issuable'] = !tapAvailable ? [] : world.policy.temporaryAccessPass.isUsableOnce ? ['oneTime'] : ['oneTime', 'multiUse'];
  return { inHand, issuable };
}
const caFindings = (world: World, usable = ['microsoftAuthenticator'], tapAvailable = true) => evaluateRegistrationCa(contextOf(world), usable, tapOptions(world, tapAvailable));

describe('layer 3: Conditional Access on registering security info', () => {
  describe('strengths the user cannot meet', () => {
    it('blocks a user with only Authenticator and a phone under a phishing-resistant strength, naming the policy, the strength and the way out', () => {
      const world = caWorld(caPolicy());
      world.methods = known([passwordMethod(), authenticatorMethod(), { kind: 'phone', id: 'm-phone', displayName: '+1 206 555 0100' }]);
      const blocked = only(caFindings(world, ['microsoftAuthenticator', 'phone']), 'L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(blocked.severity).toBe('fail');
      expect(blocked.message).toMatch(/"Require phishing-resistant MFA to register security info" requires the authentication strength "Phishing-resistant MFA"/);
      expect(blocked.message).toMatch(/accepts only Windows Hello for Business, passkey \(FIDO2\) and certificate \(multifactor\)/);
      expect(blocked.message).toMatch(/Alice Example has Microsoft Authenticator and phone \(SMS\/voice\)/);
      expect(blocked.fix).toMatch(/needs phishing-resistant MFA .* exclude Alice Example from .* or use a strength .* accepts a one-time Temporary Access Pass/);
      expect(blocked.evidence).toMatchObject({ policy: { id: 'ca-registration', matchedBy: ['group "Contractors"'] }, strength: { id: STRENGTH.phishingResistant } });
    });

    it('says to issue a TAP when the strength accepts a one-time pass and the user has no other way', () => {
      const blocked = only(caFindings(caWorld(caPolicy({ authenticationStrengthId: STRENGTH.tapOnly }))), 'L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(blocked.fix).toMatch(/^Issue a new one-time Temporary Access Pass .*"Passkey or one-time TAP" accepts a one-time Temporary Access Pass/);
      expect(blocked.evidence).toMatchObject({ satisfiedByNewTap: ['temporaryAccessPassOneTime'], newTapKind: 'oneTime' });
    });

    it('says the TAP policy must let the user in when the strength takes a TAP the user cannot get', () => {
      const blocked = only(caFindings(caWorld(caPolicy({ authenticationStrengthId: STRENGTH.tapOnly })), ['microsoftAuthenticator'], false), 'L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(blocked.fix).toMatch(/Temporary Access Pass method must be on/);
    });

    it('does not count a one-time pass for a strength that wants a multi-use pass', () => {
      const blocked = only(caFindings(caWorld(caPolicy({ authenticationStrengthId: STRENGTH.multiUseTap }))), 'L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(blocked.message).toMatch(/nor a Temporary Access Pass/);
    });

    it('counts a multi-use pass when the TAP policy allows them', () => {
      const world = caWorld(caPolicy({ authenticationStrengthId: STRENGTH.multiUseTap }));
      world.policy.temporaryAccessPass.isUsableOnce = false;
      expect(only(caFindings(world), 'L3.REGISTRATION_CA_UNSATISFIABLE').evidence).toMatchObject({ satisfiedByNewTap: ['temporaryAccessPassMultiUse'] });
    });

    it('fails layer 3 and becomes the root cause of the verdict', () => {
      const world = caWorld(caPolicy());
      const l3 = evaluateMfaBootstrap(contextOf(world));
      expect(codes(l3)).toContain('L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(layerStatus(l3)).toBe('fail');
      const verdict = evaluate(inputOf(world, { os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' }), { requests: 1, roundTrips: 1 });
      expect(verdict.rootCause).toEqual({ layer: 3, code: 'L3.REGISTRATION_CA_UNSATISFIABLE', owner: 'identity-team' });
    });
  });

  describe('strengths the user can meet', () => {
    it('notes the gate and how the user meets it', () => {
      const applies = only(caFindings(caWorld(caPolicy({ authenticationStrengthId: STRENGTH.mfa }))), 'L3.REGISTRATION_CA_APPLIES');
      expect(applies.severity).toBe('info');
      expect(applies.message).toMatch(/can meet it with password \+ Microsoft Authenticator notification/);
    });

    it('accepts a TAP the user already holds', () => {
      const world = caWorld(caPolicy({ authenticationStrengthId: STRENGTH.tapOnly }));
      world.methods = known([passwordMethod(), tapMethod()]);
      expect(codes(caFindings(world, []))).toEqual(['L3.REGISTRATION_CA_APPLIES']);
    });

    it('needs SMS enabled for the user for password + SMS', () => {
      const world = caWorld(caPolicy({ authenticationStrengthId: STRENGTH.mfa }));
      world.methods = known([passwordMethod(), { kind: 'phone', id: 'm-phone', displayName: null }]);
      expect(only(caFindings(world, ['phone']), 'L3.REGISTRATION_CA_APPLIES').message).toMatch(/password \+ SMS/);
      world.policy.methodConfigurations = world.policy.methodConfigurations.map((c) => (c.id === 'Sms' ? methodConfig('Sms', { state: 'disabled' }) : c));
      expect(codes(caFindings(world, ['phone'], false))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
    });

    it('counts Windows Hello for Business only on Windows', () => {
      const world = caWorld(caPolicy());
      world.methods = known([passwordMethod(), { kind: 'windowsHelloForBusiness', id: 'm-whfb', displayName: 'PC' }]);
      world.device = givenDevice({ os: 'windows' });
      expect(codes(caFindings(world, ['windowsHelloForBusiness']))).toEqual(['L3.REGISTRATION_CA_APPLIES']);
      world.device = givenDevice({ os: 'ios' });
      expect(codes(caFindings(world, ['windowsHelloForBusiness']))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
      world.device = givenDevice({});
      expect(codes(caFindings(world, ['windowsHelloForBusiness']))).toEqual(['L3.REGISTRATION_CA_UNKNOWN']);
    });
  });

  describe('who the policy applies to', () => {
    it('ignores report-only, disabled and other user-action policies', () => {
      const world = caWorld(
        caPolicy({ state: 'enabledForReportingButNotEnforced' }),
        caPolicy({ state: 'disabled' }),
        caPolicy({ userActions: ['urn:user:registerdevice'] }),
      );
      expect(caFindings(world)).toEqual([]);
    });

    it('ignores a policy for groups the user is not in', () => {
      const world = caWorld(caPolicy());
      world.memberOf = known([GROUPS.pilot]);
      expect(caFindings(world)).toEqual([]);
    });

    it('lets exclusion win, by group or by user', () => {
      expect(caFindings(caWorld(caPolicy({}, { excludeGroups: [GROUPS.pilot] })))).toEqual([]);
      const world = readyWorld();
      expect(caFindings(caWorld(caPolicy({}, { includeUsers: ['All'], excludeUsers: [world.user.id] })))).toEqual([]);
    });

    it('applies to all users and to the user by id', () => {
      const world = readyWorld();
      expect(codes(caFindings(caWorld(caPolicy({}, { includeGroups: [], includeUsers: ['All'] }))))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
      expect(codes(caFindings(caWorld(caPolicy({}, { includeGroups: [], includeUsers: [world.user.id] }))))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
    });

    it('applies through a directory role, and cannot tell when roles could not be read', () => {
      const policy = caPolicy({}, { includeGroups: [], includeRoles: [GLOBAL_ADMIN] });
      const ctx = contextOf(caWorld(policy));
      expect(codes(evaluateRegistrationCa(withRoles(ctx, [GLOBAL_ADMIN]), ['microsoftAuthenticator'], tapOptions()))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
      expect(evaluateRegistrationCa(withRoles(ctx, []), ['microsoftAuthenticator'], tapOptions())).toEqual([]);
      const unknown = only(evaluateRegistrationCa(withRoles(ctx, null), ['microsoftAuthenticator'], tapOptions()), 'L3.REGISTRATION_CA_UNKNOWN');
      expect(unknown.message).toMatch(/directory roles/);
    });

    it('applies to guests when the policy includes guests and external users', () => {
      const world = caWorld(caPolicy({}, { includeGroups: [], includeGuestsOrExternalUsers: true }));
      expect(caFindings(world)).toEqual([]);
      world.user.userType = 'Guest';
      expect(codes(caFindings(world))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
    });

    it('is unknown when a targeted group was not checked or membership could not be read', () => {
      const unchecked = only(caFindings(caWorld(caPolicy({}, { includeGroups: [UNCHECKED_GROUP] }))), 'L3.REGISTRATION_CA_UNKNOWN');
      expect(unchecked.severity).toBe('unknown');
      expect(unchecked.message).toMatch(/membership not checked/);
      const world = caWorld(caPolicy());
      world.memberOf = missing(gap('GRAPH.UNAVAILABLE', { request: 'POST /users/{upn}/checkMemberGroups' }));
      expect(codes(caFindings(world))).toEqual(['L3.REGISTRATION_CA_UNKNOWN']);
    });

    it('still rules the policy out when an exclusion is certain and an inclusion is not', () => {
      expect(caFindings(caWorld(caPolicy({}, { includeGroups: [UNCHECKED_GROUP], excludeGroups: [GROUPS.pilot] })))).toEqual([]);
    });
  });

  describe('when the facts are missing', () => {
    it('names Policy.Read.All when the CA policies could not be read', () => {
      const world = readyWorld();
      world.tenantExtras = {
        registrationConditionalAccess: missing(gap('GRAPH.PERMISSION_MISSING', { request: 'GET /identity/conditionalAccess/policies' })),
        authenticationStrengths: known(STRENGTHS),
      };
      const gapFinding = only(caFindings(world), 'GRAPH.PERMISSION_MISSING');
      expect(gapFinding.evidence).toMatchObject({ permission: 'Policy.Read.All' });
      expect(layerStatus(evaluateMfaBootstrap(contextOf(world)))).toBe('unknown');
    });

    it('is unknown when the strengths could not be read or the strength is missing', () => {
      const world = caWorld(caPolicy());
      world.tenantExtras.authenticationStrengths = missing(gap('GRAPH.PERMISSION_MISSING', { request: 'GET /identity/conditionalAccess/authenticationStrength/policies' }));
      expect(only(caFindings(world), 'GRAPH.PERMISSION_MISSING').evidence).toMatchObject({ permission: 'Policy.Read.All' });
      const orphan = caWorld(caPolicy({ authenticationStrengthId: 'deleted-strength' }));
      expect(only(caFindings(orphan), 'L3.REGISTRATION_CA_UNKNOWN').message).toMatch(/not among the tenant's strengths/);
    });

    it('is unknown, and says why, when the CA policies were read but the strengths were not', () => {
      const world = caWorld(caPolicy());
      world.tenantExtras = { registrationConditionalAccess: world.tenantExtras.registrationConditionalAccess };
      const unknown = only(caFindings(world), 'L3.REGISTRATION_CA_UNKNOWN');
      expect(unknown.message).toBe(
        'Could not tell whether Conditional Access policy "Require phishing-resistant MFA to register security info" on registering security info ' +
          'lets Alice Example through: the authentication strengths were not read.',
      );
      expect(unknown.fix).toBe(
        'Check "Require phishing-resistant MFA to register security info" for Alice Example in Entra admin center > Protection > Conditional Access ' +
          '(the What If tool, user action "Register security info").',
      );
    });

    it('is unknown when only a certificate could meet the strength and certificates are enabled', () => {
      const world = caWorld(caPolicy({ authenticationStrengthId: STRENGTH.certificate }));
      expect(codes(caFindings(world))).toEqual(['L3.REGISTRATION_CA_UNSATISFIABLE']);
      world.policy.methodConfigurations.push(methodConfig('X509Certificate'));
      expect(codes(caFindings(world))).toEqual(['L3.REGISTRATION_CA_UNKNOWN']);
    });

    it('is unknown when the policy also grants with another control that may be OR-ed', () => {
      expect(codes(caFindings(caWorld(caPolicy({ builtInControls: ['compliantDevice'] }))))).toEqual(['L3.REGISTRATION_CA_UNKNOWN']);
    });

    it('notes a policy without a strength without judging it', () => {
      const applies = only(caFindings(caWorld(caPolicy({ authenticationStrengthId: null, builtInControls: ['mfa'] }))), 'L3.REGISTRATION_CA_APPLIES');
      expect(applies.message).toMatch(/grant: mfa/);
    });

    it('says nothing when the CA facts were not gathered at all', () => {
      expect(evaluateRegistrationCa(contextOf(readyWorld()), ['microsoftAuthenticator'], tapOptions())).toEqual([]);
    });
  });

  it('treats an unknown combination token as unconfirmed, not as met', () => {
    const world = caWorld(caPolicy({ authenticationStrengthId: 'future' }));
    world.tenantExtras.authenticationStrengths = known([{ id: 'future', displayName: 'Future', allowedCombinations: ['somethingNew'] }]);
    const methods: AuthMethod[] = [passwordMethod(), authenticatorMethod()];
    world.methods = known(methods);
    expect(codes(caFindings(world))).toEqual(['L3.REGISTRATION_CA_UNKNOWN']);
  });
});
