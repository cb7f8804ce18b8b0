import { evaluateProvider } from '../../src/diagnosis/layers/provider/provider';
import { evaluate, layerStatus } from '../../src/diagnosis/verdict';
import { known, missing, type AuthMethod } from '../../src/model/facts';
import {
  AAGUID,
  GROUPS,
  allowList,
  authenticatorMethod,
  codes,
  contextOf,
  gap,
  group,
  inputOf,
  minutesAgo,
  only,
  passkeyMethod,
  passwordMethod,
  profile,
  type World,
} from './builders';
import { auditEvent, intended, worldOn } from './deviceBuilders';

const AUTHENTICATOR_ONLY = 'a0000000-0000-4000-8000-00000000a0a0';

/** The user's only profile accepts Microsoft Authenticator and nothing else. */
function authenticatorOnly(world: World): World {
  world.policy.fido2.passkeyProfiles = [
    profile(),
    profile({ id: AUTHENTICATOR_ONLY, name: 'Authenticator only', passkeyTypes: ['deviceBound'], keyRestrictions: allowList(AAGUID.authenticatorIos, AAGUID.authenticatorAndroid) }),
  ];
  world.policy.fido2.includeTargets = [group(GROUPS.pilot, [AUTHENTICATOR_ONLY])];
  return world;
}

const whfb = (): AuthMethod => ({ kind: 'windowsHelloForBusiness', id: 'm-whfb', displayName: 'DESKTOP-42' });
const icloudPasskey = (createdMinutesAgo = 60 * 24 * 20) =>
  passkeyMethod(AAGUID.icloudKeychain, { id: 'm-icloud', displayName: 'iPhone', passkeyType: 'synced', createdDateTime: minutesAgo(createdMinutesAgo) });
const providerOn = (world: World) => evaluateProvider(contextOf(world));

describe('layer 7: passkey provider choice', () => {
  describe('Windows Hello for Business', () => {
    it('fails a Windows Hello passkey on the device that holds the Windows Hello for Business credential', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello', deviceName: 'desktop-42' }, intended('windows-hello', 'path'));
      world.methods = known([passwordMethod(), authenticatorMethod(), whfb()]);
      const findings = providerOn(world);
      const conflict = only(findings, 'L7.WHFB_CONFLICT');
      expect(conflict.severity).toBe('fail');
      expect(conflict.message).toMatch(/already has Windows Hello for Business on desktop-42/);
      expect(conflict.message).toMatch(/passkey already registered/);
      expect(conflict.fix).toMatch(/Microsoft Authenticator on the phone .* or a security key/);
      expect(layerStatus(findings)).toBe('fail');
    });

    it('fails the same when the technician names Windows Hello on the same-device path of that device', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'same-device', deviceName: 'DESKTOP-42' }, intended('windows-hello'));
      world.methods = known([passwordMethod(), whfb()]);
      expect(codes(providerOn(world))).toContain('L7.WHFB_CONFLICT');
    });

    it('passes a Windows Hello passkey without Windows Hello for Business', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello' }, intended('windows-hello', 'path'));
      expect(providerOn(world)).toEqual([]);
    });

    it('needs to know where a same-device passkey on Windows goes when the account has Windows Hello for Business', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'same-device' });
      world.methods = known([passwordMethod(), whfb()]);
      const needs = only(providerOn(world), 'L7.NEEDS_DEVICE');
      expect(needs.message).toMatch(/This Windows device/);
    });

    it('asks which device when the Windows Hello for Business credential names none', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello' }, intended('windows-hello'));
      world.methods = known([passwordMethod(), { kind: 'windowsHelloForBusiness', id: 'm-whfb', displayName: null }]);
      const mayConflict = only(providerOn(world), 'L7.WHFB_MAY_CONFLICT');
      expect(mayConflict.message).toMatch(/has Windows Hello for Business, and "Users can't register/);
      expect(mayConflict.fix).toMatch(/If it holds their Windows Hello for Business, give .* a passkey elsewhere/);
    });

    it('has no conflict when the passkey goes on a security key or a phone', () => {
      const world = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'security-key' });
      world.methods = known([passwordMethod(), whfb()]);
      expect(providerOn(world)).toEqual([]);
    });
  });

  describe('wrong provider', () => {
    it('flags a registered passkey in iCloud Keychain that the Authenticator-only profile rejects, with the method id and a friendly name', () => {
      const world = authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path')));
      world.methods = known([passwordMethod(), authenticatorMethod(), icloudPasskey()]);
      const wrong = only(providerOn(world), 'L7.WRONG_PROVIDER');
      expect(wrong.severity).toBe('warn');
      expect(wrong.message).toMatch(/"iPhone", registered on .*, is kept in Apple Passwords \(iCloud Keychain\), which none of the passkey profiles that apply accepts/);
      expect(wrong.evidence).toMatchObject({ registered: true, methodId: 'm-icloud', authenticator: 'Apple Passwords (iCloud Keychain)', provider: 'apple-passwords' });
      expect(wrong.fix).toMatch(/^Remove the passkey kept in Apple Passwords/);
      expect(wrong.fix).toMatch(/Settings > General > AutoFill & Passwords/);
      expect(wrong.fix).toMatch(/Microsoft Authenticator/);
    });

    it('makes the verdict suggest removing the registered passkey', () => {
      const world = authenticatorOnly(worldOn({}));
      world.methods = known([passwordMethod(), authenticatorMethod(), icloudPasskey()]);
      const verdict = evaluate(inputOf(world, { os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }), { requests: 1, roundTrips: 1 });
      expect(verdict.layers[6].findings.map((f) => f.code)).toContain('L7.WRONG_PROVIDER');
      expect(verdict.suggestedActions).toContain('remove-passkey');
    });

    it('flags a failed attempt that went to another provider than the one the user meant', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      world.audits = known([auditEvent({ aaGuid: AAGUID.icloudKeychain, activityDateTime: minutesAgo(15) })]);
      const wrong = only(providerOn(world), 'L7.WRONG_PROVIDER');
      expect(wrong.message).toMatch(/failed registration at 2026-11-22 09:45 UTC tried to save the passkey in Apple Passwords \(iCloud Keychain\), not in Microsoft Authenticator/);
      expect(wrong.evidence).toMatchObject({ registered: false, intended: 'Microsoft Authenticator' });
      expect(wrong.fix).not.toMatch(/Remove/);
    });

    it('folds an attempt and a registered passkey of the same provider into one finding', () => {
      const world = authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path')));
      world.methods = known([passwordMethod(), icloudPasskey()]);
      world.audits = known([auditEvent({ aaGuid: AAGUID.icloudKeychain })]);
      const wrong = only(providerOn(world), 'L7.WRONG_PROVIDER');
      expect(wrong.evidence).toMatchObject({ registered: true, methodId: 'm-icloud' });
      expect((wrong.evidence as { attempts: unknown[] }).attempts).toHaveLength(1);
    });

    it('coaches Android users to the provider setting and the work profile', () => {
      const world = worldOn({ os: 'android', osVersion: '15', browser: 'chrome', path: 'authenticator-app' }, intended('authenticator-android', 'path'));
      world.methods = known([passwordMethod(), passkeyMethod(AAGUID.googlePasswordManager, { id: 'm-gpm', passkeyType: 'synced', createdDateTime: minutesAgo(30) })]);
      const wrong = only(providerOn(world), 'L7.WRONG_PROVIDER');
      expect(wrong.message).toMatch(/is kept in Google Password Manager, not in Microsoft Authenticator as intended/);
      expect(wrong.fix).toMatch(/"Passwords, passkeys & autofill"/);
      expect(wrong.fix).toMatch(/work profile/);
    });

    it('leaves an older passkey in another provider alone when the profiles accept it', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      world.methods = known([passwordMethod(), icloudPasskey(60 * 24 * 30)]);
      expect(providerOn(world)).toEqual([]);
    });

    it('leaves a failed attempt with the provider the user meant to layer 2', () => {
      const world = authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'same-device' }, intended('icloud-keychain')));
      world.audits = known([auditEvent({ aaGuid: AAGUID.icloudKeychain })]);
      expect(codes(providerOn(world))).not.toContain('L7.WRONG_PROVIDER');
    });

    it('does not call an attempt wrong when the attempt is all that says what the user meant', () => {
      const world = authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari' }, intended('icloud-keychain', 'failed-registration', minutesAgo(15))));
      world.audits = known([auditEvent({ aaGuid: AAGUID.icloudKeychain })]);
      expect(codes(providerOn(world))).not.toContain('L7.WRONG_PROVIDER');
    });

    it('leaves registered security keys to layer 2', () => {
      const world = authenticatorOnly(worldOn({ os: 'windows', browser: 'edge', path: 'authenticator-app' }));
      world.methods = known([passwordMethod(), passkeyMethod(AAGUID.yubikey5, { passkeyType: 'deviceBound' })]);
      expect(codes(providerOn(world))).not.toContain('L7.WRONG_PROVIDER');
    });

    it('warns where a same-device passkey would go when the system default is a provider the profiles reject', () => {
      const world = authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'same-device' }));
      const wouldGo = only(providerOn(world), 'L7.WRONG_PROVIDER');
      expect(wouldGo.message).toMatch(/On iOS a passkey registered on the same device goes to Apple Passwords \(iCloud Keychain\) unless .* picks another provider/);
      expect(wouldGo.evidence).toMatchObject({ registered: false, wouldGo: true, provider: 'apple-passwords' });
      expect(wouldGo.fix).toMatch(/turn on Microsoft Authenticator as a passkey provider/);
    });

    it('says nothing about the default provider when the profiles accept it', () => {
      expect(providerOn(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'same-device' }))).toEqual([]);
    });
  });

  describe('orphaned local passkey', () => {
    it('notes a passkey deleted in the look-back window, which can make a retry fail with "passkey already exists"', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      world.audits = known([
        auditEvent({ activityDisplayName: 'Admin deleted security info', result: 'success', resultReason: 'Admin deleted Fido2 Authentication Method for user', activityDateTime: minutesAgo(60 * 24) }),
      ]);
      const orphan = only(providerOn(world), 'L7.ORPHANED_LOCAL_PASSKEY');
      expect(orphan.severity).toBe('info');
      expect(orphan.message).toMatch(/passkey already exists/);
      expect(orphan.fix).toMatch(/Delete the local copy first \(on the iPhone: Settings > Passwords/);
    });

    it('names the deleted passkey when the event carries its AAGUID, and counts the user\'s own deletion', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      world.audits = known([auditEvent({ activityDisplayName: 'User deleted security info', result: 'success', aaGuid: AAGUID.yubikey5 })]);
      expect(only(providerOn(world), 'L7.ORPHANED_LOCAL_PASSKEY').message).toMatch(/^A passkey \(YubiKey 5 Series.*\) was deleted/);
    });

    it('ignores deletions of other methods and deletions before the look-back window', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      world.audits = known([
        auditEvent({ activityDisplayName: 'User deleted security info', result: 'success', resultReason: 'User deleted Phone Authentication Method' }),
        auditEvent({ activityDisplayName: 'User deleted security info', result: 'success', resultReason: 'User deleted Fido2 Authentication Method', activityDateTime: minutesAgo(60 * 24 * 8) }),
      ]);
      expect(providerOn(world)).toEqual([]);
    });
  });

  describe('what it needs to know', () => {
    it('needs the path when the profiles do not accept every provider', () => {
      const findings = providerOn(authenticatorOnly(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari' })));
      expect(codes(findings)).toEqual(['L7.NEEDS_DEVICE']);
      expect(layerStatus(findings)).toBe('needs-info');
    });

    it('needs the phone\'s provider for a QR-code registration under restrictive profiles', () => {
      expect(codes(providerOn(authenticatorOnly(worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'cross-device' }))))).toEqual(['L7.NEEDS_DEVICE']);
    });

    it('passes without a path when every provider is accepted and nothing conflicts', () => {
      expect(providerOn(worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari' }))).toEqual([]);
    });

    it('is unknown, never pass, when methods or audit events could not be read', () => {
      const noMethods = worldOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello' }, intended('windows-hello', 'path'));
      noMethods.methods = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'UserAuthenticationMethod.Read.All', request: 'GET /users/{upn}/authentication/methods' }));
      expect(layerStatus(providerOn(noMethods))).toBe('unknown');
      const noAudits = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      noAudits.audits = missing(gap('GRAPH.UNAVAILABLE', { request: 'GET /auditLogs/directoryAudits' }));
      expect(layerStatus(providerOn(noAudits))).toBe('unknown');
    });

    it('is unknown when registered passkeys cannot be judged because the policy is unreadable, reported once', () => {
      const world = worldOn({ os: 'ios', osVersion: '17.4', browser: 'safari', path: 'same-device' });
      world.methods = known([passwordMethod(), icloudPasskey(), passkeyMethod(AAGUID.googlePasswordManager, { id: 'm-gpm' })]);
      world.policyFact = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'Policy.Read.AuthenticationMethod' }));
      const findings = providerOn(world);
      expect(codes(findings)).toEqual(['GRAPH.PERMISSION_MISSING']);
    });

  });
});
