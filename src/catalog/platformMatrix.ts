/**
 * The passkey registration matrix (`data/platform-matrix.json`): which
 * registration path works on which operating system, version and browser,
 * each cell with its Microsoft Learn (or passkeys.dev) source and date, and
 * the places where Microsoft's pages contradict each other. The data is
 * validated when this module loads, so a bad edit fails every test at once.
 */
import { z } from 'zod';
import data from './data/platform-matrix.json';
import type { Browser, OperatingSystem, RegistrationPath } from '../model/facts';
import { BROWSERS, OPERATING_SYSTEMS, PATHS } from '../model/vocabulary';
import { checkWithin, parseComponents, type VersionRange } from './osVersion';
import { PasskeyDoctorError } from '../errors/catalog';

/** Where a passkey is kept: the matrix's rows for the same-device path, plus the two kinds that have their own path. */
const PROVIDERS = [
  'apple-passwords',
  'google-password-manager',
  'third-party',
  'browser-profile',
  'microsoft-authenticator',
  'windows-hello',
  'security-key',
] as const;
export type Provider = (typeof PROVIDERS)[number];

const version = z.string().refine((v) => parseComponents(v) !== null, 'not a version');
const sourceList = z.array(z.string()).min(1);

const browserEntry = z.object({
  support: z.enum(['supported', 'unsupported', 'conflicting', 'undocumented']),
  why: z.string().optional(),
  tryInstead: z.string().optional(),
  contradiction: z.string().optional(),
  pinFirst: z.boolean().optional(),
});

const cellSchema = z.object({
  id: z.string(),
  path: z.enum(PATHS),
  provider: z.enum(PROVIDERS).optional(),
  os: z.array(z.enum(OPERATING_SYSTEMS)).min(1),
  from: version.optional(),
  below: version.optional(),
  label: z.string().optional(),
  support: z.enum(['supported', 'unsupported', 'too-old', 'conflicting', 'undocumented', 'on-phone']),
  why: z.string().optional(),
  tryInstead: z.string().optional(),
  contradiction: z.string().optional(),
  browsers: z.union([z.literal('any'), z.record(z.enum(BROWSERS), z.union([browserEntry.shape.support, browserEntry]))]).optional(),
  pinFirst: z.boolean().optional(),
  transports: z.array(z.string()).optional(),
  note: z.string().optional(),
  sources: sourceList,
});

const fact = z.object({ text: z.string(), sources: sourceList });

const matrixSchema = z.object({
  reviewed: z.string(),
  sources: z.record(z.object({ title: z.string(), path: z.string().nullable(), date: z.string().nullable(), url: z.string().nullable() })),
  contradictions: z.record(
    z.object({
      topic: z.string(),
      statements: z.array(z.object({ source: z.string(), says: z.string() })).min(2),
      tryInstead: z.string(),
    }),
  ),
  browserAvailability: z.object({
    why: z.string(),
    sources: sourceList,
    browsers: z.record(z.enum(BROWSERS), z.array(z.enum(OPERATING_SYSTEMS))),
  }),
  sameDeviceDefaults: z.object({ sources: sourceList, providers: z.record(z.enum(OPERATING_SYSTEMS), z.enum(PROVIDERS)) }),
  crossDevice: z.object({
    prerequisites: fact,
    phone: z.record(z.enum(PROVIDERS), z.object({ requirement: z.string(), contradiction: z.string().optional(), sources: sourceList })),
  }),
  hardware: z.object({ androidSecureHardware: fact, rootedDevices: fact }),
  cells: z.array(cellSchema),
});

export type Support = z.infer<typeof cellSchema>['support'];
export type BrowserEntry = z.infer<typeof browserEntry>;
export type MatrixCell = z.infer<typeof cellSchema>;
export type MatrixSource = z.infer<typeof matrixSchema>['sources'][string] & { id: string };
export type Contradiction = z.infer<typeof matrixSchema>['contradictions'][string] & { id: string };
export type Fact = z.infer<typeof fact>;

const MATRIX = matrixSchema.parse(data);

/** Every cell, in file order (for tests and tooling). */
export const matrixCells = (): readonly MatrixCell[] => MATRIX.cells;

export function matrixSource(id: string): MatrixSource {
  const source = MATRIX.sources[id];
  if (!source) throw new PasskeyDoctorError('INTERNAL', 'matrixSource', { id });
  return { id, ...source };
}

/** A page Microsoft publishes (Learn). Only these can make a platform rule fail; passkeys.dev and vendors inform, never gate. */
export const isMicrosoftSource = (id: string): boolean => /^https:\/\/learn\.microsoft\.com\//.test(matrixSource(id).url ?? '');

export function contradiction(id: string): Contradiction {
  const entry = MATRIX.contradictions[id];
  if (!entry) throw new PasskeyDoctorError('INTERNAL', 'matrixContradiction', { id });
  return { id, ...entry };
}

export const contradictionIds = (): string[] => Object.keys(MATRIX.contradictions);
export const sourceIds = (): string[] => Object.keys(MATRIX.sources);

/** The cells for a path (and, on the same-device path, a provider) on one operating system. */
export function cellsFor(path: RegistrationPath, provider: Provider | null, os: OperatingSystem): MatrixCell[] {
  return MATRIX.cells.filter((c) => c.path === path && (c.provider ?? null) === provider && c.os.includes(os));
}

export type CellChoice = { kind: 'cell'; cell: MatrixCell } | { kind: 'needs-version' } | { kind: 'none' };

/** The one cell whose version range holds the device's version; cells without a range hold every version. */
export function chooseCell(cells: MatrixCell[], range: VersionRange | null): CellChoice {
  const unranged = cells.find((c) => !c.from && !c.below);
  if (unranged) return { kind: 'cell', cell: unranged };
  if (cells.length === 0) return { kind: 'none' };
  if (!range) return { kind: 'needs-version' };
  const checks = cells.map((cell) => ({
    cell,
    within: checkWithin(range, cell.from ? parseComponents(cell.from) : null, cell.below ? parseComponents(cell.below) : null),
  }));
  const inside = checks.find((c) => c.within === 'inside');
  if (inside) return { kind: 'cell', cell: inside.cell };
  return checks.some((c) => c.within === 'unknown') ? { kind: 'needs-version' } : { kind: 'none' };
}

/** A cell's verdict for one browser; a browser the cell does not list is one Microsoft does not document. */
export function browserEntryOf(cell: MatrixCell, browser: Browser): BrowserEntry {
  if (cell.browsers === 'any') return { support: 'supported' };
  const entry = cell.browsers?.[browser];
  if (!entry) return { support: 'undocumented' };
  return typeof entry === 'string' ? { support: entry } : entry;
}

/** Safari only exists on Apple systems, and so on (the N/A cells of Microsoft's matrix). */
export function browserAvailable(browser: Browser, os: OperatingSystem): boolean {
  const systems = MATRIX.browserAvailability.browsers[browser];
  return !systems || systems.includes(os);
}

export const browserAvailability = (): Pick<Fact, 'sources'> & { why: string } => MATRIX.browserAvailability;

/** Where a same-device passkey goes unless the user picks another provider. */
export const sameDeviceDefault = (os: OperatingSystem): Provider | null => MATRIX.sameDeviceDefaults.providers[os] ?? null;
export const sameDeviceDefaultSources = (): string[] => MATRIX.sameDeviceDefaults.sources;

/** The providers a same-device registration could save to (security keys have their own path). */
export const SAME_DEVICE_PROVIDERS: readonly Provider[] = PROVIDERS.filter((p) => p !== 'security-key');

export const crossDevicePrerequisites = (): Fact => MATRIX.crossDevice.prerequisites;
export const crossDevicePhoneRequirement = (provider: Provider) => MATRIX.crossDevice.phone[provider];
export const hardwareFacts = () => MATRIX.hardware;

const OS_NAMES: Record<OperatingSystem, string> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: 'iOS',
  ipados: 'iPadOS',
  android: 'Android',
  linux: 'Linux',
  chromeos: 'ChromeOS',
};
const BROWSER_NAMES: Record<Browser, string> = {
  edge: 'Edge',
  chrome: 'Chrome',
  firefox: 'Firefox',
  safari: 'Safari',
  other: 'another browser',
};
const PROVIDER_NAMES: Record<Provider, string> = {
  'apple-passwords': 'Apple Passwords (iCloud Keychain)',
  'google-password-manager': 'Google Password Manager',
  'third-party': 'a third-party passkey provider',
  'browser-profile': 'a Chrome or Edge browser profile',
  'microsoft-authenticator': 'Microsoft Authenticator',
  'windows-hello': 'Windows Hello',
  'security-key': 'a security key',
};

export const osName = (os: OperatingSystem): string => OS_NAMES[os];
export const browserName = (browser: Browser): string => BROWSER_NAMES[browser];
export const providerName = (provider: Provider): string => PROVIDER_NAMES[provider];

/** "iOS 17", or the cell's own label where the raw number reads badly (Windows builds). */
export function minimumLabel(cell: MatrixCell, os: OperatingSystem): string | null {
  if (cell.label) return cell.label;
  return cell.below ? `${osName(os)} ${cell.below}` : null;
}

/**
 * Whether a security key needs its PIN set before it is registered on this
 * system and browser (some browsers never offer to set one). Null when it
 * depends on a browser that is not known.
 */
export function securityKeyNeedsPin(os: OperatingSystem, browser: Browser | null): { needed: boolean | null; cell: MatrixCell | null } {
  const choice = chooseCell(cellsFor('security-key', null, os), null);
  if (choice.kind !== 'cell') return { needed: false, cell: null };
  const { cell } = choice;
  if (cell.pinFirst) return { needed: true, cell };
  const dependsOnBrowser =
    cell.browsers && cell.browsers !== 'any' && Object.values(cell.browsers).some((e) => typeof e === 'object' && e.pinFirst);
  if (!dependsOnBrowser) return { needed: false, cell };
  if (!browser) return { needed: null, cell };
  return { needed: !!browserEntryOf(cell, browser).pinFirst, cell };
}
