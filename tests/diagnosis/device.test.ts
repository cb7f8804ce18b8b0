import { resolveDevice } from '../../src/diagnosis/device';
import { parseSignInBrowser, parseSignInOs } from '../../src/diagnosis/signInDevice';
import { minutesAgo, signIn } from './builders';

describe('reading the device strings Microsoft writes into sign-ins', () => {
  it.each([
    ['iOS 17.1.2', 'ios', '17.1.2'],
    ['iOS 16.7', 'ios', '16.7'],
    ['iPadOS 17', 'ipados', '17'],
    ['Android 13', 'android', '13'],
    ['Android', 'android', null],
    ['MacOs', 'macos', null],
    ['Mac OS X 10.15', 'macos', '10.15'],
    ['Mac OS X 10_15_7', 'macos', '10.15.7'],
    ['ChromeOS', 'chromeos', null],
    ['Chrome OS', 'chromeos', null],
    ['Linux', 'linux', null],
    ['Windows 11', 'windows', '11'],
    ['Windows', 'windows', null],
  ])('reads %p as %s %p', (text, os, version) => {
    expect(parseSignInOs(text)).toEqual({ os, version });
  });

  it('keeps only NT 10.0 from "Windows10" or "Windows 10": Windows 11 reports itself the same way', () => {
    expect(parseSignInOs('Windows10')).toEqual({ os: 'windows', version: '10.0' });
    expect(parseSignInOs('Windows 10')).toEqual({ os: 'windows', version: '10.0' });
  });

  it.each(['Windows Phone', 'BlackBerry', 'Rich Client', '', null])('leaves the unknown system %p unknown', (text) => {
    expect(parseSignInOs(text)).toBeNull();
  });

  it.each([
    ['Mobile Safari 17.1', 'safari'],
    ['Safari 17.2', 'safari'],
    ['Edge 120.0.0', 'edge'],
    ['Microsoft Edge 131', 'edge'],
    ['Chrome 119.0.0', 'chrome'],
    ['Chrome Mobile iOS 120.0', 'chrome'],
    ['Firefox 120.0', 'firefox'],
    ['Samsung Browser 23.0', 'other'],
  ])('reads the browser %p as %s', (text, browser) => {
    expect(parseSignInBrowser(text)).toBe(browser);
  });

  it.each(['Rich Client', 'Rich Client 5.0', 'Mobile Safari UI/WKWebView', 'Teams', '', null])('leaves the unknown browser %p unknown', (text) => {
    expect(parseSignInBrowser(text)).toBeNull();
  });
});

describe('resolving the device a user registers on', () => {
  const iphone = signIn(minutesAgo(2), { id: 'latest', operatingSystem: 'iOS 17.2', browser: 'Mobile Safari 17.2', appDisplayName: 'My Signins' });
  const laptop = signIn(minutesAgo(60 * 24), { id: 'older', operatingSystem: 'Windows 10', browser: 'Edge 131.0.0' });

  it('knows nothing when nothing was given and there are no sign-ins', () => {
    expect(resolveDevice(undefined, [])).toMatchObject({ os: null, osVersion: null, browser: null, path: null, source: null, inferredFrom: null });
    expect(resolveDevice(undefined, null).source).toBeNull();
  });

  it('fills everything it can from the latest interactive sign-in and says which sign-in', () => {
    const device = resolveDevice(undefined, [laptop, iphone]);
    expect(device).toMatchObject({ os: 'ios', osVersion: '17.2', browser: 'safari', path: null, source: 'inferred' });
    expect(device.inferredFrom).toEqual({
      signInId: 'latest',
      time: iphone.createdDateTime,
      app: 'My Signins',
      operatingSystem: 'iOS 17.2',
      browser: 'Mobile Safari 17.2',
      fields: ['os', 'osVersion', 'browser'],
    });
  });

  it('skips non-interactive sign-ins', () => {
    const background = signIn(minutesAgo(1), { isInteractive: false, operatingSystem: 'Android 14', browser: 'Chrome 120' });
    expect(resolveDevice(undefined, [background, iphone]).os).toBe('ios');
  });

  it('lets given details win and calls the result given when nothing was inferred', () => {
    const device = resolveDevice({ os: 'android', osVersion: '14', browser: 'chrome', path: 'authenticator-app' }, [iphone]);
    expect(device).toMatchObject({ os: 'android', osVersion: '14', browser: 'chrome', path: 'authenticator-app', source: 'given', inferredFrom: null });
  });

  it('completes given details from a sign-in of the same device and calls the result mixed', () => {
    const device = resolveDevice({ path: 'authenticator-app', osVersion: '16.7' }, [iphone]);
    expect(device).toMatchObject({ os: 'ios', osVersion: '16.7', browser: 'safari', path: 'authenticator-app', source: 'mixed' });
    expect(device.inferredFrom?.fields).toEqual(['os', 'browser']);
  });

  it('does not borrow the version or browser of a sign-in from another kind of device', () => {
    const device = resolveDevice({ os: 'android' }, [iphone]);
    expect(device).toMatchObject({ os: 'android', osVersion: null, browser: null, source: 'given', inferredFrom: null });
  });

  it('does not borrow the browser of a sign-in whose system it cannot read when the system was given', () => {
    const unknownSystem = signIn(minutesAgo(1), { operatingSystem: 'Rich Client', browser: 'Chrome 120.0' });
    expect(resolveDevice({ os: 'macos' }, [unknownSystem]).browser).toBeNull();
  });

  it('treats an iPad that signs in as "iOS" as the same device', () => {
    expect(resolveDevice({ os: 'ipados' }, [iphone])).toMatchObject({ os: 'ipados', osVersion: '17.2', source: 'mixed' });
  });

  it('never infers the registration path or the authenticator', () => {
    const device = resolveDevice(undefined, [iphone]);
    expect(device.path).toBeNull();
    expect(device.authenticator).toBeNull();
  });

  it('leaves unknown strings unknown rather than guessing', () => {
    const odd = signIn(minutesAgo(1), { operatingSystem: 'PlayStation', browser: 'Rich Client' });
    expect(resolveDevice(undefined, [odd])).toMatchObject({ os: null, browser: null, source: null, inferredFrom: null });
  });
});
