/**
 * Reads the operating system and browser strings Microsoft writes into a
 * sign-in's `deviceDetail` ("iOS 17.1.2", "Windows10", "Mobile Safari 17.1",
 * "Edge 120.0.0"). Anything not recognised stays unknown (null): a wrong
 * guess here would judge the wrong device.
 */
import type { Browser, OperatingSystem } from '../model/facts';

export interface SignInOs {
  os: OperatingSystem;
  version: string | null;
}

const VERSION = '(\\d+(?:[._]\\d+)*)';

const OS_PATTERNS: Array<{ pattern: RegExp; os: OperatingSystem }> = [
  { pattern: new RegExp(`^ipados\\s*${VERSION}?$`), os: 'ipados' },
  { pattern: new RegExp(`^ios\\s*${VERSION}?$`), os: 'ios' },
  { pattern: new RegExp(`^android\\s*${VERSION}?$`), os: 'android' },
  { pattern: new RegExp(`^(?:mac\\s*os(?:\\s*x)?|macos|os\\s*x)\\s*${VERSION}?$`), os: 'macos' },
  { pattern: new RegExp(`^chrome\\s*os\\s*${VERSION}?$`), os: 'chromeos' },
  { pattern: new RegExp(`^windows\\s*${VERSION}?$`), os: 'windows' },
  { pattern: /^(?:linux|ubuntu|debian|fedora|red\s*hat)\b/, os: 'linux' },
];

/**
 * Browsers on Windows 11 still send "Windows NT 10.0", so a sign-in that says
 * Windows 10 may be Windows 11: keep only what it proves, NT version 10.0.
 */
function signInVersion(os: OperatingSystem, raw: string | undefined): string | null {
  if (!raw) return null;
  const version = raw.replace(/_/g, '.');
  return os === 'windows' && version === '10' ? '10.0' : version;
}

export function parseSignInOs(text: string | null): SignInOs | null {
  const value = (text ?? '').trim().toLowerCase();
  for (const { pattern, os } of OS_PATTERNS) {
    const match = pattern.exec(value);
    if (match) return { os, version: signInVersion(os, match[1]) };
  }
  return null;
}

const BROWSER_PATTERNS: Array<{ pattern: RegExp; browser: Browser | null }> = [
  // An app's embedded web view is not the browser a user registers in.
  { pattern: /webview/, browser: null },
  { pattern: /^(?:microsoft\s*)?edge\b/, browser: 'edge' },
  { pattern: /^(?:mobile\s*)?safari\b/, browser: 'safari' },
  { pattern: /^chrome\b/, browser: 'chrome' },
  { pattern: /^firefox\b/, browser: 'firefox' },
  { pattern: /^(?:opera|samsung|vivaldi|brave|yandex|uc\s*browser|ie\b|internet\s*explorer)/, browser: 'other' },
];

export function parseSignInBrowser(text: string | null): Browser | null {
  const value = (text ?? '').trim().toLowerCase();
  return BROWSER_PATTERNS.find(({ pattern }) => pattern.test(value))?.browser ?? null;
}
