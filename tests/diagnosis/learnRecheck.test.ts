/**
 * Issue 8: every rule re-checked against Microsoft Learn. One describe per
 * item of the issue (item 8 belongs to another change), each on hand-built
 * facts and the whole verdict, so "Ready" means ready and "Blocked" names the
 * real gate.
 */
import { authenticatorByAaguid, authenticatorName } from '../../src/catalog/authenticators';
import { known, type AuthMethod, type ConditionalAccessPolicy, type DeviceInput } from '../../src/model/facts';
import { evaluate } from '../../src/diagnosis/verdict';
import type { Verdict } from '../../src/model/verdictTypes';
import {
  AAGUID,
  GROUPS,
  MY_SIGNINS_APP_ID,
  USER_ID,
  WINDOWS_HELLO_AAGUIDS,
  allowList,
  authenticatorMethod,
  group,
  inputOf,
  minutesAgo,
  passwordMethod,
  profile,
  readyWorld,
  signIn,
  step,
  tapMethod,
  type World,
} from './builders';

const USAGE = { requests: 1, roundTrips: 1 };
const diagnose = (world: World, device?: DeviceInput): Verdict => evaluate(inputOf(world, device), USAGE);
const codesOf = (verdict: Verdict): string[] => verdict.layers.flatMap((l) => l.findings.map((f) => f.code));
const findingOf = (verdict: Verdict, code: string) => verdict.layers.flatMap((l) => l.findings).find((f) => f.code === code);
const layer = (verdict: Verdict, n: number) => verdict.layers[n - 1];

const WINDOWS_11: DeviceInput = { os: 'windows', osVersion: '11', browser: 'edge' };
const RSA_DS100 = '7e3f3d30-3557-4442-bdae-139312178b39';
const whfb = (device: string): AuthMethod => ({ kind: 'windowsHelloForBusiness', id: `m-whfb-${device}`, displayName: device });
const passwordOnlySignIn = () => signIn(minutesAgo(60 * 24), { authenticationRequirement: 'singleFactorAuthentication', authenticationDetails: [step('Password', 'Primary authentication')] });

function noMfaWorld(): World {
  const world = readyWorld();
  world.methods = known([passwordMethod()]);
  world.signIns = known([passwordOnlySignIn()]);
  return world;
}

describe('issue 8: rules re-checked against Microsoft Learn', () => {
  describe('1. Windows Hello passkeys need an explicit allow-list', () => {
    it('is not ready for --path windows-hello under an open profile, and says the AAGUIDs must be allowed', () => {
      const verdict = diagnose(readyWorld(), { ...WINDOWS_11, path: 'windows-hello' });
      expect(verdict.outcome).toBe('blocked');
      const blocked = findingOf(verdict, 'L2.AUTHENTICATOR_BLOCKED');
      expect(blocked?.message).toMatch(/must be explicitly allowed in a passkey profile/);
      for (const aaGuid of WINDOWS_HELLO_AAGUIDS) expect(blocked?.fix).toContain(aaGuid);
    });

    it('is not ready for a same-device passkey on Windows, which goes to Windows Hello', () => {
      const verdict = diagnose(readyWorld(), { ...WINDOWS_11, path: 'same-device' });
      expect(verdict.outcome).not.toBe('ready');
      expect(codesOf(verdict)).toContain('L7.WRONG_PROVIDER');
    });

    it('lets Windows Hello register once a profile allows its AAGUIDs', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [profile({ passkeyTypes: ['deviceBound', 'synced'], keyRestrictions: allowList(...WINDOWS_HELLO_AAGUIDS, AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) })];
      expect(layer(diagnose(world, { ...WINDOWS_11, path: 'windows-hello' }), 2).status).toBe('pass');
    });
  });

  describe('2. synced passkeys need passkey profiles', () => {
    it('blocks an iCloud Keychain passkey in a tenant on the legacy settings', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [];
      world.policy.fido2.includeTargets = [group(GROUPS.pilot)];
      const verdict = diagnose(world, { os: 'ios', osVersion: '17.4', browser: 'safari', path: 'same-device', authenticator: AAGUID.icloudKeychain });
      expect(verdict.outcome).toBe('blocked');
      expect(verdict.rootCause?.code).toBe('L2.SYNCED_NOT_ALLOWED');
    });
  });

  describe('3. Windows Hello for Business conflicts per device, not per account', () => {
    const allowsHello = (world: World) => {
      world.policy.fido2.passkeyProfiles = [profile({ passkeyTypes: ['deviceBound'], keyRestrictions: allowList(...WINDOWS_HELLO_AAGUIDS, AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) })];
      return world;
    };

    it('warns and asks which device when the credential is on another device', () => {
      const world = allowsHello(readyWorld());
      world.methods = known([passwordMethod(), authenticatorMethod(), whfb('DESKTOP-42')]);
      const verdict = diagnose(world, { ...WINDOWS_11, path: 'windows-hello', deviceName: 'LAPTOP-7' });
      expect(layer(verdict, 7).status).toBe('warn');
      expect(findingOf(verdict, 'L7.WHFB_MAY_CONFLICT')?.fix).toMatch(/which Windows device/);
      expect(codesOf(verdict)).not.toContain('L7.WHFB_CONFLICT');
    });

    it('fails when the evidence ties the credential to the device in question', () => {
      const world = allowsHello(readyWorld());
      world.methods = known([passwordMethod(), authenticatorMethod(), whfb('DESKTOP-42')]);
      const verdict = diagnose(world, { ...WINDOWS_11, path: 'windows-hello', deviceName: 'desktop-42' });
      expect(verdict.rootCause?.code).toBe('L7.WHFB_CONFLICT');
    });
  });

  describe('4. sign-in error codes: interrupts are prompts, blockers block, unknown codes stay neutral', () => {
    const onMySignIns = (errorCode: number, extra: Parameters<typeof signIn>[1] = {}) =>
      signIn(minutesAgo(3), { errorCode, authenticationRequirement: 'multiFactorAuthentication', authenticationDetails: [step('Password', 'Primary authentication')], ...extra });

    it('reads a 50074 interrupt followed by MFA as ready', () => {
      const world = readyWorld();
      world.signIns = known([signIn(minutesAgo(2), { appId: '00000003-0000-0000-c000-000000000000', appDisplayName: 'My Profile' }), onMySignIns(50074)]);
      const verdict = diagnose(world);
      expect(codesOf(verdict)).not.toContain('L4.RECENT_SIGNIN_FAILED');
      expect(findingOf(verdict, 'L4.SIGNIN_INTERRUPTED')?.severity).toBe('info');
      expect(layer(verdict, 4).status).toBe('pass');
    });

    it('blocks on 53003 and names the Conditional Access policy that failed', () => {
      const world = readyWorld();
      world.signIns = known([
        onMySignIns(53003, {
          appliedConditionalAccessPolicies: [
            { id: 'ca-1', displayName: 'Require compliant device for admin portals', result: 'notApplied' },
            { id: 'ca-2', displayName: 'Block unmanaged devices', result: 'failure' },
          ],
        }),
        signIn(minutesAgo(2), { appId: 'other', appDisplayName: 'OfficeHome' }),
      ]);
      const verdict = diagnose(world);
      expect(verdict.rootCause).toEqual({ layer: 4, code: 'L4.SIGNIN_BLOCKED_BY_CA', owner: 'user-session' });
      const blocked = findingOf(verdict, 'L4.SIGNIN_BLOCKED_BY_CA');
      expect(blocked?.message).toContain('"Block unmanaged devices"');
      expect(blocked?.message).not.toContain('Require compliant device');
    });

    it('blocks on 53004 with its own code and fix', () => {
      const world = readyWorld();
      world.signIns = known([onMySignIns(53004), signIn(minutesAgo(2), { appId: 'other' })]);
      const verdict = diagnose(world);
      expect(verdict.rootCause?.code).toBe('L4.PROOF_UP_BLOCKED_BY_RISK');
      expect(findingOf(verdict, 'L4.PROOF_UP_BLOCKED_BY_RISK')?.fix).toMatch(/ID Protection/);
    });

    it('keeps 530003, which the reference does not list, neutral', () => {
      const world = readyWorld();
      world.signIns = known([onMySignIns(530003), signIn(minutesAgo(2), { appId: 'other' })]);
      const verdict = diagnose(world);
      expect(findingOf(verdict, 'L4.SIGNIN_ERROR_UNRECOGNISED')?.message).toContain('unrecognised code 530003');
      expect(layer(verdict, 4).status).toBe('pass');
    });
  });

  describe('5. certificate-based authentication that satisfies MFA counts as MFA', () => {
    it('finds recent MFA in a sign-in with a multifactor certificate', () => {
      const world = readyWorld();
      world.signIns = known([
        signIn(minutesAgo(2), { authenticationRequirement: 'multiFactorAuthentication', authenticationDetails: [step('X.509 Certificate', 'Primary authentication', { detail: 'Multi-factor authentication' })] }),
      ]);
      const verdict = diagnose(world);
      expect(findingOf(verdict, 'L4.MFA_RECENT')?.evidence).toMatchObject({ method: 'X.509 Certificate' });
      expect(codesOf(verdict)).not.toContain('L4.MFA_STALE');
    });
  });

  describe('6. which TAP the user holds matters', () => {
    it('does not count a multi-use pass while the policy requires one-time passes', () => {
      const world = noMfaWorld();
      world.methods = known([passwordMethod(), tapMethod({ isUsableOnce: false })]);
      const verdict = diagnose(world);
      expect(verdict.rootCause?.code).toBe('L3.NO_MFA_METHOD');
      expect(findingOf(verdict, 'L3.TAP_NOT_USABLE')?.message).toMatch(/multi-use pass.*requires one-time/);
      expect(verdict.suggestedActions).toContain('issue-tap');
    });

    it('does not meet a one-time strength with a multi-use pass, and offers a new one-time pass', () => {
      const world = noMfaWorld();
      world.policy.temporaryAccessPass.isUsableOnce = false;
      world.methods = known([passwordMethod(), tapMethod({ isUsableOnce: false })]);
      const policy: ConditionalAccessPolicy = {
        id: 'ca-reg',
        displayName: 'Passkey or one-time TAP to register',
        state: 'enabled',
        userActions: ['urn:user:registersecurityinfo'],
        users: { includeUsers: [USER_ID], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], includeGuestsOrExternalUsers: false, excludeGuestsOrExternalUsers: false },
        builtInControls: [],
        authenticationStrengthId: 'strength-tap-once',
      };
      world.tenantExtras = {
        registrationConditionalAccess: known([policy]),
        authenticationStrengths: known([{ id: 'strength-tap-once', displayName: 'Passkey or one-time TAP', allowedCombinations: ['fido2', 'temporaryAccessPassOneTime'] }]),
      };
      const verdict = diagnose(world);
      const blocked = findingOf(verdict, 'L3.REGISTRATION_CA_UNSATISFIABLE');
      expect(blocked?.evidence).toMatchObject({ newTapKind: 'oneTime', tapInHand: 'multiUse' });
      expect(blocked?.fix).toMatch(/^Issue a new one-time Temporary Access Pass/);
      expect(verdict.suggestedActions).toContain('issue-tap');
    });
  });

  describe('7. internal guests sign in here', () => {
    const internalGuest = (world: World) => {
      world.user.userType = 'Guest';
      world.user.userPrincipalName = 'sam.contractor@contoso.com';
      return world;
    };

    it('reads an internal guest\'s sign-ins and says nothing of a home tenant', () => {
      const verdict = diagnose(internalGuest(readyWorld()));
      expect(codesOf(verdict)).not.toContain('L4.GUEST_SIGNINS_IN_HOME_TENANT');
      expect(codesOf(verdict)).toContain('L4.MFA_RECENT');
      const guest = findingOf(verdict, 'L1.GUEST_USER');
      expect(`${guest?.message} ${guest?.fix}`).not.toMatch(/home (tenant|organisation)/);
    });

    it('lets the layer 3 fix issue a TAP to an internal guest, never to an external one', () => {
      const internal = diagnose(internalGuest(noMfaWorld()));
      expect(findingOf(internal, 'L3.NO_MFA_METHOD')?.fix).toMatch(/^Issue a one-time Temporary Access Pass/);
      const external = noMfaWorld();
      external.user.userType = 'Guest';
      external.user.userPrincipalName = 'frank_fabrikam.com#EXT#@contoso.com';
      const verdict = diagnose(external);
      expect(verdict.nextSteps?.some((s) => /^Issue/.test(s.fix))).toBe(false);
      expect(findingOf(verdict, 'L3.NO_MFA_METHOD')?.fix).toMatch(/cannot be added to an external guest/);
    });
  });

  describe('9. Interrupt mode cannot add a passkey', () => {
    it('names it when a TAP is the way in', () => {
      const verdict = diagnose(noMfaWorld());
      const interrupt = findingOf(verdict, 'L3.TAP_INTERRUPT_MODE');
      expect(interrupt?.message).toMatch(/Interrupt mode of the combined registration. This experience doesn't currently support FIDO2/);
      expect(interrupt?.message).toMatch(/self-service password reset registration policy or the ID Protection MFA registration policy/);
    });
  });

  describe('10. the catalogue carries Microsoft\'s whole attestation-eligible list', () => {
    it('knows RSA DS100 and accepts it where attestation is enforced', () => {
      expect(authenticatorName(RSA_DS100)).toBe('RSA DS100');
      expect(authenticatorByAaguid(RSA_DS100)?.attestationInEntra).toBe(true);
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [profile({ passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' })];
      const verdict = diagnose(world, { ...WINDOWS_11, path: 'security-key', authenticator: RSA_DS100 });
      expect(codesOf(verdict)).not.toContain('L2.AUTHENTICATOR_UNKNOWN');
      expect(codesOf(verdict)).not.toContain('L6.KEY_NOT_ATTESTATION_ELIGIBLE');
      expect(verdict.outcome).not.toBe('at-risk');
    });
  });

  describe('11. one freshness window', () => {
    it('gives the same number of minutes in the TAP fix as in layer 4', () => {
      const world = noMfaWorld();
      world.settings.mfaFreshnessMinutes = 5;
      const fixes = diagnose(world).layers.flatMap((l) => l.findings.map((f) => f.fix ?? ''));
      expect(fixes.filter((f) => /within \d+ minutes/.test(f)).every((f) => f.includes('within 5 minutes'))).toBe(true);
      expect(fixes.join(' ')).not.toContain('10 minutes');
    });
  });

  describe('12. a rule no Microsoft page states never fails', () => {
    it('warns for an iPhone too old for a QR registration on passkeys.dev\'s word alone', () => {
      const verdict = diagnose(readyWorld(), { os: 'ios', osVersion: '15.0', browser: 'safari', path: 'cross-device' });
      expect(layer(verdict, 5).status).not.toBe('fail');
      expect(findingOf(verdict, 'L5.UNDOCUMENTED_COMBINATION')?.evidence).toMatchObject({ microsoftSource: false });
    });

    it('makes "not on Samsung phones" a gate once the sign-in shows a Samsung phone, and keeps it a note otherwise', () => {
      const samsungUa = 'Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
      const world = readyWorld();
      world.signIns = known([signIn(minutesAgo(2), { operatingSystem: 'Android 14', browser: 'Chrome Mobile 131', userAgent: samsungUa })]);
      const gpm = { path: 'same-device' as const, authenticator: AAGUID.googlePasswordManager };
      const onSamsung = diagnose(world, gpm);
      expect(onSamsung.rootCause?.code).toBe('L5.UNSUPPORTED_PATH');
      expect(findingOf(onSamsung, 'L5.UNSUPPORTED_PATH')?.message).toMatch(/don't work on Samsung phones/);
      world.signIns = known([signIn(minutesAgo(2), { operatingSystem: 'Android 14', browser: 'Chrome Mobile 131', userAgent: samsungUa.replace('SM-S911B', 'Pixel 8') })]);
      expect(layer(diagnose(world, gpm), 5).status).not.toBe('fail');
    });

    it('does not fail a Chrome-profile passkey on Windows on the word of a page that never mentions browser profiles', () => {
      const chromeOnMac = 'adce0002-35bc-c60a-648b-0b25f1f05503';
      const verdict = diagnose(readyWorld(), { ...WINDOWS_11, path: 'same-device', authenticator: chromeOnMac });
      expect(layer(verdict, 5).status).toBe('warn');
      const cell = findingOf(verdict, 'L5.UNDOCUMENTED_COMBINATION');
      expect(cell?.evidence).toMatchObject({ wouldBe: 'L5.UNSUPPORTED_PATH', sources: [expect.objectContaining({ id: 'A1', microsoft: false })] });
    });
  });

  describe('13. fixes in order, following the user\'s state', () => {
    it('tells a user with no MFA method what to do after the pass, not to sign in with MFA', () => {
      const verdict = diagnose(noMfaWorld());
      expect(verdict.nextSteps?.[0].code).toBe('L3.NO_MFA_METHOD');
      const stale = findingOf(verdict, 'L4.MFA_STALE');
      expect(stale?.fix).not.toMatch(/sign back in with MFA/);
      expect(stale?.fix).toMatch(/^After the Temporary Access Pass is issued/);
    });

    it('tells Alice, once her pass is issued, to sign in with it at My Sign-ins and register', () => {
      const world = noMfaWorld();
      world.methods = known([passwordMethod(), tapMethod()]);
      const verdict = diagnose(world);
      expect(verdict.nextSteps?.[0].code).toBe('L4.MFA_STALE');
      expect(verdict.nextSteps?.[0].fix).toMatch(/sign in at https:\/\/mysignins\.microsoft\.com\/security-info with the Temporary Access Pass/);
    });

    it('gives Maria the fix that helps first: make Authenticator the passkey provider', () => {
      const world = readyWorld();
      world.policy.fido2.passkeyProfiles = [profile({ passkeyTypes: ['deviceBound'], keyRestrictions: allowList(AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) })];
      world.audits = known([{ id: 'a1', activityDateTime: minutesAgo(15), activityDisplayName: 'Add Passkey (synced)', loggedByService: 'Authentication Methods', result: 'failure', resultReason: 'Passkey type not allowed', aaGuid: AAGUID.icloudKeychain, initiatedByUpn: 'alice@contoso.com' }]);
      const verdict = diagnose(world);
      expect(verdict.nextSteps?.[0].code).toBe('L2.AUTHENTICATOR_BLOCKED');
      expect(verdict.nextSteps?.[0].fix).toMatch(/^Have Alice Example make Microsoft Authenticator the passkey provider/);
    });
  });
});

// Sign-ins to My Sign-ins use its app id; the builders' default is that app.
expect(MY_SIGNINS_APP_ID).toBe('19db86c3-b2b9-44cc-b339-36da233a3be2');
