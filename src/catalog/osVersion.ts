/**
 * Operating-system versions as ranges. A version people type is rarely
 * exact: "17" means any 17.x, Windows "10" means any Windows 10 build. So a
 * version is the half-open range it stands for, and a comparison with a
 * minimum is `meets`, `below` or `unknown` (the range straddles it).
 */
import type { OperatingSystem } from '../model/facts';

export interface VersionRange {
  /** Lowest version in the range (missing components are zero). */
  low: number[];
  /** First version after the range; null = no upper end. */
  before: number[] | null;
}

export type VersionCheck = 'meets' | 'below' | 'unknown';

/** Windows 11 is NT 10.0 build 22000 and later; browsers on both report "Windows NT 10.0". */
const WINDOWS_11_FIRST_BUILD = [10, 0, 22000];
/** Windows 10 feature updates people name by their release id, and the build each one is. */
const WINDOWS_10_RELEASES: Record<string, number> = {
  '1507': 10240,
  '1511': 10586,
  '1607': 14393,
  '1703': 15063,
  '1709': 16299,
  '1803': 17134,
  '1809': 17763,
  '1903': 18362,
  '1909': 18363,
  '2004': 19041,
};
const FIRST_WINDOWS_BUILD = 10240;

const VERSION_TEXT = /^\d+(\.\d+)*$/;

export function parseComponents(text: string): number[] | null {
  const trimmed = text.trim();
  return VERSION_TEXT.test(trimmed) ? trimmed.split('.').map(Number) : null;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** "17.2" stands for 17.2.x: from 17.2 up to, not including, 17.3. */
function prefixRange(components: number[]): VersionRange {
  const before = [...components];
  before[before.length - 1] += 1;
  return { low: components, before };
}

function windowsRange(components: number[]): VersionRange {
  const [major] = components;
  if (components.length === 1 && major === 10) return { low: [10, 0, 0], before: WINDOWS_11_FIRST_BUILD };
  if (major === 11) return { low: WINDOWS_11_FIRST_BUILD, before: null };
  const release = components.length === 1 ? WINDOWS_10_RELEASES[String(major)] : undefined;
  if (release) return prefixRange([10, 0, release]);
  if (components.length === 1 && major >= FIRST_WINDOWS_BUILD) return prefixRange([10, 0, major]);
  return prefixRange(components);
}

/**
 * The range a typed or logged version stands for. Windows accepts `10`,
 * `11`, a release id (`1903`), a build (`22631`) or a full NT version
 * (`10.0.22631`). Null when the text is not a version.
 */
export function parseOsVersion(os: OperatingSystem, text: string): VersionRange | null {
  const components = parseComponents(text);
  if (!components) return null;
  return os === 'windows' ? windowsRange(components) : prefixRange(components);
}

/** The minimum is a version in the same notation as `parseOsVersion`'s output (Windows: NT builds). */
export function checkMinimum(range: VersionRange, minimum: number[]): VersionCheck {
  if (compareVersions(range.low, minimum) >= 0) return 'meets';
  if (range.before && compareVersions(range.before, minimum) <= 0) return 'below';
  return 'unknown';
}

/** Whether a version range lies inside `[from, below)`; `unknown` when it straddles an end. */
export function checkWithin(range: VersionRange, from: number[] | null, below: number[] | null): 'inside' | 'outside' | 'unknown' {
  const fromCheck = from ? checkMinimum(range, from) : 'meets';
  const belowCheck = below ? checkMinimum(range, below) : 'below';
  if (fromCheck === 'below' || belowCheck === 'meets') return 'outside';
  if (fromCheck === 'meets' && belowCheck === 'below') return 'inside';
  return 'unknown';
}
