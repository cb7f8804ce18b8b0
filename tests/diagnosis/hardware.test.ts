import { evaluateHardware } from '../../src/diagnosis/layers/hardware/hardware';
import { layerStatus } from '../../src/diagnosis/verdict';
import { known, missing } from '../../src/model/facts';
import { AAGUID, DEFAULT_PROFILE_ID, GROUPS, SECURITY_KEYS_PROFILE_ID, allowList, blocking, codes, contextOf, gap, group, only, profile, type World } from './builders';
import { contextOn, intended, worldOn } from './deviceBuilders';

const hardwareOn = (...args: Parameters<typeof contextOn>) => evaluateHardware(contextOn(...args));

/** The user's only profile enforces attestation (security keys only). */
function attestationWorld(world: World): World {
  world.policy.fido2.passkeyProfiles = [profile(), profile({ id: SECURITY_KEYS_PROFILE_ID, name: 'Security keys only', passkeyTypes: ['deviceBound'], attestationEnforcement: 'registrationOnly' })];
  world.policy.fido2.includeTargets = [group(GROUPS.pilot, [SECURITY_KEYS_PROFILE_ID])];
  return world;
}

describe('layer 6: authenticator hardware', () => {
  describe('security keys', () => {
    it('asks for the PIN to be set first on iOS, in any browser', () => {
      for (const browser of ['safari', 'chrome'] as const) {
        const pin = only(hardwareOn({ os: 'ios', osVersion: '17.2', browser, path: 'security-key' }), 'L6.KEY_NEEDS_PIN');
        expect(pin.severity).toBe('warn');
        expect(pin.message).toMatch(/on iOS don't offer to set up a PIN/);
        expect(pin.fix).toMatch(/Set a PIN on the key first/);
      }
    });

    it('asks for the PIN first in Safari and Firefox on macOS, not in Chrome or Edge', () => {
      expect(codes(hardwareOn({ os: 'macos', browser: 'safari', path: 'security-key' }))).toEqual(['L6.KEY_NEEDS_PIN']);
      expect(codes(hardwareOn({ os: 'macos', browser: 'firefox', path: 'security-key' }))).toEqual(['L6.KEY_NEEDS_PIN']);
      expect(hardwareOn({ os: 'macos', browser: 'chrome', path: 'security-key' })).toEqual([]);
      expect(hardwareOn({ os: 'windows', browser: 'edge', path: 'security-key' })).toEqual([]);
    });

    it('needs the browser on macOS and the system anywhere before it can say whether a PIN is needed', () => {
      expect(only(hardwareOn({ os: 'macos', path: 'security-key' }), 'L6.NEEDS_AUTHENTICATOR').message).toMatch(/the browser/);
      expect(only(hardwareOn({ path: 'security-key' }), 'L6.NEEDS_AUTHENTICATOR').message).toMatch(/operating system/);
    });

    it('fails a key model Entra does not accept attestation from when every applicable profile enforces attestation', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }, intended('yubikey-5-nfc')));
      const ctx = contextOf(world);
      // Every key in today's catalogue is on Microsoft's eligible list, so the catalogue is made to say otherwise.
      jest.isolateModules(() => {
        jest.doMock('../../src/catalog/authenticators', () => {
          const actual = jest.requireActual('../../src/catalog/authenticators');
          return {
            ...actual,
            authenticatorByAaguid: (aaguid: string) => {
              const entry = actual.authenticatorByAaguid(aaguid);
              return entry && entry.id === 'yubikey-5-nfc' ? { ...entry, attestationInEntra: false } : entry;
            },
          };
        });
        const { evaluateHardware: isolated } = jest.requireActual('../../src/diagnosis/layers/hardware/hardware');
        const findings = isolated(ctx);
        const ineligible = only(findings, 'L6.KEY_NOT_ATTESTATION_ELIGIBLE');
        expect(ineligible.severity).toBe('fail');
        expect(ineligible.message).toMatch(/YubiKey 5 Series with NFC is not on Microsoft's list of attestation-eligible keys/);
        expect(ineligible.message).toMatch(/Security keys only \(device-bound; attestation enforced/);
        expect(ineligible.evidence).toMatchObject({ authenticator: { name: 'YubiKey 5 Series with NFC', attestationInEntra: false } });
      });
    });

    it('passes an eligible key where attestation is enforced', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }, intended('yubikey-5-nfc')));
      expect(evaluateHardware(contextOf(world))).toEqual([]);
    });

    it('needs the key model when attestation is enforced everywhere and no model was given', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }));
      const needs = only(evaluateHardware(contextOf(world)), 'L6.NEEDS_AUTHENTICATOR');
      expect(needs.message).toMatch(/the security key model: every passkey profile .* enforces attestation/);
    });

    it('does not need the model when some applicable profile does not enforce attestation', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }));
      world.policy.fido2.includeTargets = [group(GROUPS.pilot, [SECURITY_KEYS_PROFILE_ID, DEFAULT_PROFILE_ID])];
      expect(evaluateHardware(contextOf(world))).toEqual([]);
    });

    it('says an uncatalogued key cannot be judged when attestation is enforced', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }, { aaGuid: AAGUID.notInCatalogue, source: 'given' }));
      expect(only(evaluateHardware(contextOf(world)), 'L6.NEEDS_AUTHENTICATOR').message).toMatch(/AAGUID 0badc0de-.* is not in its catalogue/);
    });

    it('applies the legacy attestation setting in a tenant without profiles', () => {
      const world = worldOn({ os: 'windows', browser: 'edge', path: 'security-key' });
      world.policy.fido2.passkeyProfiles = [];
      world.policy.fido2.isAttestationEnforced = true;
      expect(codes(evaluateHardware(contextOf(world)))).toEqual(['L6.NEEDS_AUTHENTICATOR']);
    });

    it('is unknown, never pass, when the policy could not be read', () => {
      const world = worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }, intended('yubikey-5-nfc'));
      world.policyFact = missing(gap('GRAPH.PERMISSION_MISSING', { permission: 'Policy.Read.AuthenticationMethod' }));
      expect(layerStatus(evaluateHardware(contextOf(world)))).toBe('unknown');
    });

    it('ignores key restrictions: those are layer 2', () => {
      const world = attestationWorld(worldOn({ os: 'windows', browser: 'edge', path: 'security-key' }, intended('yubikey-5-nfc')));
      world.policy.fido2.passkeyProfiles[1].keyRestrictions = allowList(AAGUID.authenticatorIos);
      expect(evaluateHardware(contextOf(world))).toEqual([]);
    });
  });

  describe('Microsoft Authenticator', () => {
    it('warns that Android needs secure hardware it cannot verify remotely', () => {
      const findings = hardwareOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'authenticator-app' }, intended('authenticator-android', 'path'));
      const hardware = only(findings, 'L6.ANDROID_SECURE_HARDWARE');
      expect(hardware.severity).toBe('warn');
      expect(hardware.message).toMatch(/Secure Element \(StrongBox\).*TEE/);
      expect(hardware.fix).toMatch(/cannot be checked remotely/);
      expect(layerStatus(findings)).toBe('warn');
    });

    it('has nothing to check on an iPhone (Secure Enclave) apart from the jailbreak note', () => {
      const findings = hardwareOn({ os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' }, intended('authenticator-ios', 'path'));
      expect(codes(findings)).toEqual(['L6.ROOTED_OR_JAILBROKEN']);
      expect(only(findings, 'L6.ROOTED_OR_JAILBROKEN').severity).toBe('info');
      expect(only(findings, 'L6.ROOTED_OR_JAILBROKEN').message).toMatch(/jailbroken or rooted/);
      expect(layerStatus(findings)).toBe('pass');
    });

    it('trusts the Authenticator AAGUID over the system when they disagree', () => {
      expect(codes(hardwareOn({ os: 'ios', path: 'same-device' }, intended('authenticator-android')))).toContain('L6.ANDROID_SECURE_HARDWARE');
    });

    it('needs the phone when Authenticator is chosen from a computer', () => {
      const findings = hardwareOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'authenticator-app' });
      expect(only(findings, 'L6.NEEDS_AUTHENTICATOR').message).toMatch(/which phone/);
    });
  });

  describe('when it cannot tell what will hold the passkey', () => {
    it('needs the authenticator when neither a path nor an authenticator is known', () => {
      const findings = evaluateHardware(contextOf(worldOn({ os: 'ios', osVersion: '17.2', browser: 'safari' })));
      expect(codes(findings)).toEqual(['L6.NEEDS_AUTHENTICATOR']);
      expect(layerStatus(findings)).toBe('needs-info');
    });

    it('needs the provider for a same-device registration on Android, where Authenticator needs secure hardware', () => {
      expect(codes(hardwareOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'same-device' }))).toEqual(['L6.NEEDS_AUTHENTICATOR']);
    });

    it('needs the phone\'s provider for a QR-code registration', () => {
      expect(codes(hardwareOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'cross-device' }))).toEqual(['L6.NEEDS_AUTHENTICATOR']);
    });

    it('has no hardware gate for a synced provider, Windows Hello or a same-device passkey on an Apple device', () => {
      expect(hardwareOn({ os: 'ios', osVersion: '17.2', browser: 'safari', path: 'same-device' })).toEqual([]);
      expect(hardwareOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'same-device' }, intended('google-password-manager'))).toEqual([]);
      expect(hardwareOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello' })).toEqual([]);
    });

    it('needs to know what an uncatalogued authenticator is', () => {
      const findings = hardwareOn({ os: 'ios', osVersion: '17.2', browser: 'safari', path: 'same-device' }, { aaGuid: AAGUID.notInCatalogue, source: 'given' });
      expect(codes(blocking(findings))).toEqual(['L6.NEEDS_AUTHENTICATOR']);
    });
  });

  it('never passes without knowing what holds the passkey', () => {
    const world = worldOn({});
    world.methods = known([]);
    expect(layerStatus(evaluateHardware(contextOf(world)))).not.toBe('pass');
  });
});
