import { evaluatePlatform } from '../../src/diagnosis/layers/platform/platform';
import { evaluate, layerStatus } from '../../src/diagnosis/verdict';
import { known, missing } from '../../src/model/facts';
import { blocking, codes, contextOf, gap, inputOf, minutesAgo, only, readyWorld, signIn } from './builders';
import { contextOn, givenDevice, intended } from './deviceBuilders';

const evaluateOn = (...args: Parameters<typeof contextOn>) => evaluatePlatform(contextOn(...args));
const statusOn = (...args: Parameters<typeof contextOn>) => layerStatus(evaluateOn(...args));

describe('layer 5: platform and browser', () => {
  describe('what it needs to know', () => {
    it('asks for the device when nothing was given or inferred', () => {
      const findings = evaluatePlatform(contextOf(readyWorld()));
      expect(codes(findings)).toEqual(['L5.DEVICE_UNKNOWN']);
      expect(only(findings, 'L5.DEVICE_UNKNOWN').fix).toMatch(/browser/);
    });

    it('says the sign-in logs could not be read when that is why nothing was inferred', () => {
      const world = readyWorld();
      world.signIns = missing(gap('GRAPH.LICENCE_MISSING'));
      expect(only(evaluatePlatform(contextOf(world)), 'L5.DEVICE_UNKNOWN').message).toMatch(/could not be read/);
    });

    it('passes only when the operating system, browser and path are all known', () => {
      expect(statusOn({ os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' })).toBe('pass');
      const noBrowser = evaluateOn({ os: 'ios', osVersion: '17.2', path: 'authenticator-app' });
      expect(layerStatus(noBrowser)).toBe('needs-info');
      expect(only(noBrowser, 'L5.DEVICE_INCOMPLETE').evidence).toMatchObject({ missing: ['browser'] });
      const noPath = evaluateOn({ os: 'ios', osVersion: '17.2', browser: 'safari' });
      expect(only(noPath, 'L5.DEVICE_INCOMPLETE').message).toMatch(/how the user registers/);
      const noOs = evaluateOn({ browser: 'chrome', path: 'security-key' });
      expect(only(noOs, 'L5.DEVICE_INCOMPLETE').evidence).toMatchObject({ missing: ['os'] });
    });

    it('asks for the version when a rule depends on it', () => {
      const findings = evaluateOn({ os: 'ios', browser: 'safari', path: 'authenticator-app' });
      expect(codes(blocking(findings))).toEqual(['L5.DEVICE_INCOMPLETE']);
      expect(only(findings, 'L5.DEVICE_INCOMPLETE').message).toMatch(/the iOS version/);
    });

    it('does not need the version where no rule depends on it', () => {
      expect(statusOn({ os: 'macos', browser: 'chrome', path: 'security-key' })).toBe('pass');
    });

    it('asks which Windows it is when the sign-in only proves NT 10.0', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '10.0', browser: 'firefox', path: 'cross-device' });
      expect(only(findings, 'L5.DEVICE_INCOMPLETE').message).toMatch(/more precise Windows version than "10.0"/);
    });

    it('asks for the phone when a passkey in Authenticator is registered from a computer', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'authenticator-app' });
      expect(only(findings, 'L5.DEVICE_INCOMPLETE').evidence).toMatchObject({ missing: ['phone'] });
      expect(only(findings, 'L5.DEVICE_INCOMPLETE').message).toMatch(/phone's operating system/);
    });
  });

  describe('inferred details', () => {
    it('says the details came from the latest sign-in, which one and when', () => {
      const ctx = contextOn({
        os: 'ios',
        osVersion: '17.2',
        browser: 'safari',
        source: 'inferred',
        inferredFrom: { signInId: 's-1', time: minutesAgo(2), app: 'My Signins', operatingSystem: 'iOS 17.2', browser: 'Mobile Safari 17.2', fields: ['os', 'osVersion', 'browser'] },
      });
      const inferredFinding = only(evaluatePlatform(ctx), 'L5.DEVICE_INFERRED');
      expect(inferredFinding.severity).toBe('info');
      expect(inferredFinding.message).toMatch(/latest interactive sign-in \(My Signins, 2026-11-22 09:58 UTC: "iOS 17.2", "Mobile Safari 17.2"\)/);
      expect(inferredFinding.evidence).toMatchObject({ signInId: 's-1', fields: ['os', 'osVersion', 'browser'] });
    });

    it('reads in the singular when the sign-in gave one detail only', () => {
      const ctx = contextOn({
        os: 'android',
        osVersion: '14',
        browser: 'chrome',
        path: 'same-device',
        source: 'mixed',
        inferredFrom: { signInId: 's-3', time: minutesAgo(2), app: 'My Signins', operatingSystem: 'Android', browser: 'Chrome Mobile 131', fields: ['browser'] },
      });
      expect(only(evaluatePlatform(ctx), 'L5.DEVICE_INFERRED').message).toMatch(/^The browser \(Android 14, Chrome\) comes from /);
    });

    it('warns that a sign-in cannot tell Windows 10 from 11', () => {
      const ctx = contextOn({
        os: 'windows',
        osVersion: '10.0',
        browser: 'edge',
        path: 'security-key',
        source: 'mixed',
        inferredFrom: { signInId: 's-2', time: minutesAgo(5), app: 'OfficeHome', operatingSystem: 'Windows10', browser: 'Edge 120.0.0', fields: ['os', 'osVersion', 'browser'] },
      });
      const findings = evaluatePlatform(ctx);
      expect(only(findings, 'L5.DEVICE_INFERRED').message).toMatch(/cannot tell Windows 10 from Windows 11/);
      expect(layerStatus(findings)).toBe('pass');
    });
  });

  describe('OS too old', () => {
    it('fails Microsoft Authenticator on iOS 16.9 and passes it on 17.0', () => {
      const old = only(evaluateOn({ os: 'ios', osVersion: '16.9', browser: 'safari', path: 'authenticator-app' }), 'L5.OS_TOO_OLD');
      expect(old.message).toMatch(/need iOS 17 or later.*This device runs iOS 16\.9, Safari, below iOS 17/);
      expect(old.message).toMatch(/Microsoft Learn, 2026-07-05/);
      expect(old.evidence).toMatchObject({ rule: 'authenticator-app/ios/too-old', minimum: 'iOS 17' });
      expect(old.docs).toContain('https://learn.microsoft.com/entra/identity/authentication/how-to-enable-authenticator-passkey');
      expect(statusOn({ os: 'ios', osVersion: '17.0', browser: 'safari', path: 'authenticator-app' })).toBe('pass');
    });

    it('fails Microsoft Authenticator on Android 13 and passes it on 14', () => {
      expect(codes(evaluateOn({ os: 'android', osVersion: '13', browser: 'chrome', path: 'authenticator-app' }))).toContain('L5.OS_TOO_OLD');
      expect(statusOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'authenticator-app' })).toBe('pass');
    });

    it('holds Apple Passwords to iOS 16 and macOS 13', () => {
      const icloud = intended('icloud-keychain');
      expect(codes(evaluateOn({ os: 'ios', osVersion: '15.8', browser: 'safari', path: 'same-device' }, icloud))).toContain('L5.OS_TOO_OLD');
      expect(statusOn({ os: 'ios', osVersion: '16.0', browser: 'safari', path: 'same-device' }, icloud)).toBe('pass');
      expect(codes(evaluateOn({ os: 'macos', osVersion: '12.7', browser: 'safari', path: 'same-device' }, icloud))).toContain('L5.OS_TOO_OLD');
      expect(statusOn({ os: 'macos', osVersion: '13', browser: 'safari', path: 'same-device' }, icloud)).toBe('pass');
    });

    it('holds third-party providers to iOS 17 and Android 14', () => {
      const onePassword = intended('1password');
      expect(codes(evaluateOn({ os: 'ios', osVersion: '16.9', browser: 'safari', path: 'same-device' }, onePassword))).toContain('L5.OS_TOO_OLD');
      expect(codes(evaluateOn({ os: 'android', osVersion: '13', browser: 'chrome', path: 'same-device' }, onePassword))).toContain('L5.OS_TOO_OLD');
      expect(statusOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'same-device' }, onePassword)).toBe('pass');
    });

    it('fails when every provider the device could save to is too old, naming the default one', () => {
      const finding = only(evaluateOn({ os: 'ios', osVersion: '15', browser: 'safari', path: 'same-device' }), 'L5.OS_TOO_OLD');
      expect(finding.message).toMatch(/assuming the passkey goes to Apple Passwords/);
      expect(finding.evidence).toMatchObject({ provider: 'apple-passwords', providerAssumed: true });
    });

    it('asks for the provider when some providers work on this version and others do not', () => {
      const findings = evaluateOn({ os: 'ios', osVersion: '16.5', browser: 'safari', path: 'same-device' });
      expect(codes(blocking(findings))).toEqual(['L5.DEVICE_INCOMPLETE']);
      expect(only(findings, 'L5.DEVICE_INCOMPLETE').message).toMatch(/Apple Passwords \(iCloud Keychain\) works on iOS 16\.5, Safari, but not .*needs iOS 17/);
    });

    it('passes a same-device registration when every reachable provider works', () => {
      expect(statusOn({ os: 'ios', osVersion: '17.2', browser: 'safari', path: 'same-device' })).toBe('pass');
    });
  });

  describe('unsupported browser', () => {
    it('fails every passkey in Firefox on Android', () => {
      for (const path of ['same-device', 'security-key', 'cross-device'] as const) {
        const findings = evaluateOn({ os: 'android', osVersion: '14', browser: 'firefox', path });
        expect(only(findings, 'L5.UNSUPPORTED_BROWSER').message).toMatch(/Firefox on Android can't create or use passkeys/);
      }
    });

    it('fails Google Password Manager outside Chrome on a computer', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'same-device' }, intended('google-password-manager'));
      expect(only(findings, 'L5.UNSUPPORTED_BROWSER').fix).toMatch(/Chrome/);
    });

    // Only passkeys.dev says so: it warns, never fails (issue 8 item 12).
    it('warns about Firefox for the QR code before Windows 11 23H2 on passkeys.dev\'s word alone, and is silent after', () => {
      const before = only(evaluateOn({ os: 'windows', osVersion: '10.0.22621', browser: 'firefox', path: 'cross-device' }), 'L5.UNDOCUMENTED_COMBINATION');
      expect(before.severity).toBe('warn');
      expect(before.evidence).toMatchObject({ wouldBe: 'L5.UNSUPPORTED_BROWSER', microsoftSource: false });
      expect(codes(blocking(evaluateOn({ os: 'windows', osVersion: '10.0.22631', browser: 'firefox', path: 'cross-device' })))).toEqual([]);
    });

    it('fails Safari on a system that has no Safari', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '11', browser: 'safari', path: 'security-key' });
      expect(only(findings, 'L5.UNSUPPORTED_BROWSER').message).toMatch(/Safari isn't available on Windows/);
    });

    it('warns about a browser Microsoft does not list', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '11', browser: 'other', path: 'security-key' });
      expect(codes(blocking(findings))).toEqual(['L5.UNDOCUMENTED_COMBINATION']);
      expect(layerStatus(findings)).toBe('warn');
    });
  });

  describe('unsupported path', () => {
    it('fails security-key registration on ChromeOS whatever the version', () => {
      const findings = evaluateOn({ os: 'chromeos', browser: 'chrome', path: 'security-key' });
      const unsupported = only(findings, 'L5.UNSUPPORTED_PATH');
      expect(unsupported.message).toMatch(/Security key registration isn't supported on ChromeOS/);
      expect(unsupported.fix).toMatch(/Windows or Mac/);
      expect(layerStatus(findings)).toBe('fail');
    });

    it('fails a Windows Hello passkey off Windows and a same-device Authenticator passkey on a computer', () => {
      expect(codes(evaluateOn({ os: 'macos', osVersion: '14', browser: 'safari', path: 'windows-hello' }))).toContain('L5.UNSUPPORTED_PATH');
      expect(codes(evaluateOn({ os: 'macos', osVersion: '14', browser: 'safari', path: 'same-device' }, intended('authenticator-ios')))).toContain('L5.UNSUPPORTED_PATH');
    });

    it('judges a security key by the security-key rows even on the same-device path', () => {
      expect(codes(evaluateOn({ os: 'chromeos', browser: 'chrome', path: 'same-device' }, intended('yubikey-5-nfc')))).toContain('L5.UNSUPPORTED_PATH');
    });
  });

  describe('documented contradictions', () => {
    it('warns that Microsoft disagrees about registering a security key on Android, and says what to try', () => {
      const conflict = only(evaluateOn({ os: 'android', osVersion: '14', browser: 'chrome', path: 'security-key' }), 'L5.DOCS_CONFLICT');
      expect(conflict.severity).toBe('warn');
      expect(conflict.message).toMatch(/Microsoft's documentation disagrees on security-key registration on Android/);
      expect(conflict.message).toMatch(/Microsoft Learn, 2024-10-11/);
      expect(conflict.fix).toMatch(/^Microsoft's documentation disagrees on this; try this instead: Register the key in Chrome or Edge on a Windows or Mac computer/);
      expect(conflict.evidence).toMatchObject({ contradiction: { id: 'C2' } });
    });

    it('warns about same-device registration in Edge on Android (C5)', () => {
      const conflict = only(evaluateOn({ os: 'android', osVersion: '14', browser: 'edge', path: 'same-device' }, intended('google-password-manager')), 'L5.DOCS_CONFLICT');
      expect(conflict.evidence).toMatchObject({ contradiction: { id: 'C5' } });
      expect(conflict.fix).toMatch(/Chrome/);
    });

    it('warns about Windows Hello passkeys on Windows 10 (C16) but not on Windows 11', () => {
      expect(only(evaluateOn({ os: 'windows', osVersion: '10', browser: 'edge', path: 'windows-hello' }), 'L5.DOCS_CONFLICT').evidence).toMatchObject({ contradiction: { id: 'C16' } });
      expect(statusOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'windows-hello' })).toBe('pass');
    });

    it('warns about platform passkeys on ChromeOS (C12)', () => {
      const findings = evaluateOn({ os: 'chromeos', browser: 'chrome', path: 'same-device' }, intended('google-password-manager'));
      expect(only(findings, 'L5.DOCS_CONFLICT').evidence).toMatchObject({ contradiction: { id: 'C12' } });
    });
  });

  describe('cross-device', () => {
    it('lists the Bluetooth, internet and caBLE prerequisites', () => {
      const findings = evaluateOn({ os: 'windows', osVersion: '11', browser: 'edge', path: 'cross-device' });
      const prereqs = only(findings, 'L5.CROSS_DEVICE_PREREQS');
      expect(prereqs.severity).toBe('info');
      expect(prereqs.message).toMatch(/Bluetooth/);
      expect(prereqs.message).toMatch(/cable\.ua5v\.com/);
    });

    it('adds the phone requirement and the camera advice for Authenticator (C14)', () => {
      const prereqs = only(evaluateOn({ os: 'macos', osVersion: '14', browser: 'safari', path: 'cross-device' }, intended('authenticator-ios')), 'L5.CROSS_DEVICE_PREREQS');
      expect(prereqs.message).toMatch(/iOS 17\+ or Android 14\+/);
      expect(prereqs.message).toMatch(/system Camera app/);
    });
  });

  describe('notes', () => {
    it('names the security-key transports that work on the system', () => {
      const notes = only(evaluateOn({ os: 'ios', osVersion: '17', browser: 'safari', path: 'security-key' }), 'L5.PLATFORM_NOTES');
      expect(notes.message).toMatch(/USB \(Lightning or USB-C\) and NFC/);
      expect(notes.message).toMatch(/FIPS 140-3/);
    });
  });

  it('lets the verdict be ready only when every device detail it needs is known', () => {
    const full = { os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app' } as const;
    const keys = Object.keys(full) as Array<keyof typeof full>;
    for (let mask = 0; mask < 1 << keys.length; mask++) {
      const device = Object.fromEntries(keys.filter((_, i) => mask & (1 << i)).map((k) => [k, full[k]]));
      const world = readyWorld();
      // A fresh MFA sign-in whose device says nothing, so only the given details count.
      world.signIns = known([signIn(minutesAgo(2), { operatingSystem: null, browser: null })]);
      const verdict = evaluate(inputOf(world, device), { requests: 1, roundTrips: 1 });
      expect([JSON.stringify(device), verdict.outcome]).toEqual([JSON.stringify(device), mask === (1 << keys.length) - 1 ? 'ready' : 'incomplete']);
    }
  });

  it('never passes a device it could not fully judge', () => {
    const partial = [
      givenDevice({ os: 'ios' }),
      givenDevice({ path: 'security-key' }),
      givenDevice({ os: 'android', path: 'same-device', browser: 'chrome' }),
      givenDevice({ os: 'windows', osVersion: '10.0', browser: 'firefox', path: 'cross-device' }),
    ];
    for (const device of partial) expect(statusOn(device)).not.toBe('pass');
  });
});
