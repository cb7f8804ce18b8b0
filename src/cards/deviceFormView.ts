/**
 * The device-details form: the choices come from the same lists the request
 * parser accepts (and the authenticator catalogue), pre-filled with what the
 * verdict already knows about the device.
 */
import { allAuthenticators, authenticatorByAaguid, type AuthenticatorKind } from '../catalog/authenticators';
import { checkMinimum, parseComponents, parseOsVersion } from '../catalog/osVersion';
import { osName } from '../catalog/platformMatrix';
import { BROWSERS, OPERATING_SYSTEMS, PATHS } from '../model/vocabulary';
import type { Verdict } from '../model/verdictTypes';

interface Choice {
  title: string;
  value: string;
}

export interface DeviceFormView {
  runId: string;
  os: string;
  osVersion: string;
  /** Windows only: "10" or "11" when the known version decides it, else empty for the technician to pick. */
  isWindows: boolean;
  windowsRelease: string;
  browser: string;
  path: string;
  authenticator: string;
  deviceName: string;
  osChoices: Choice[];
  browserChoices: Choice[];
  pathChoices: Choice[];
  authenticatorChoices: Choice[];
}

const BROWSER_TITLES: Record<(typeof BROWSERS)[number], string> = {
  edge: 'Microsoft Edge',
  chrome: 'Google Chrome',
  firefox: 'Firefox',
  safari: 'Safari',
  other: 'Other browser',
};

const PATH_TITLES: Record<(typeof PATHS)[number], string> = {
  'same-device': 'On the same device',
  'cross-device': 'Phone via QR code (cross-device)',
  'security-key': 'Security key',
  'authenticator-app': 'Microsoft Authenticator app',
  'windows-hello': 'Windows Hello',
};

/** Apps and platforms first: they are what most users try; security keys are a long tail. */
const KIND_ORDER: AuthenticatorKind[] = ['app', 'platform', 'synced-provider', 'security-key'];

function authenticatorChoices(): Choice[] {
  return allAuthenticators()
    .slice()
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name))
    .map((a) => ({ title: a.name, value: a.id }));
}

const WINDOWS_11_FIRST_BUILD = [10, 0, 22000];

/**
 * Windows versions split into the release (10 or 11, a choice) and a build
 * (typed). Browsers on both report "Windows NT 10.0", which decides neither:
 * pre-filling it would have the form submit a value the diagnosis asks to
 * make more precise, so it pre-fills only what it can decide.
 */
function windowsFields(version: string): { windowsRelease: string; osVersion: string } {
  const range = version ? parseOsVersion('windows', version) : null;
  if (!range) return { windowsRelease: '', osVersion: '' };
  const release = checkMinimum(range, WINDOWS_11_FIRST_BUILD);
  const windowsRelease = release === 'meets' ? '11' : release === 'below' ? '10' : '';
  // A build says more than the release; a bare "10", "11" or "10.0" says no more than the choice.
  const isBuild = (parseComponents(version)?.length ?? 0) >= 3 || /^\d{4,}$/.test(version.trim());
  return { windowsRelease, osVersion: isBuild ? version.trim() : '' };
}

export function deviceFormView(verdict: Verdict, runId: string): DeviceFormView {
  const device = verdict.device;
  const isWindows = device?.os === 'windows';
  const windows = isWindows ? windowsFields(device?.osVersion ?? '') : { windowsRelease: '', osVersion: device?.osVersion ?? '' };
  return {
    runId,
    os: device?.os ?? '',
    osVersion: windows.osVersion,
    isWindows,
    windowsRelease: windows.windowsRelease,
    browser: device?.browser ?? '',
    path: device?.path ?? '',
    authenticator: device?.authenticator ? (authenticatorByAaguid(device.authenticator)?.id ?? '') : '',
    // The verdict's device summary does not carry the name; the technician types it when Windows Hello for Business is in question.
    deviceName: '',
    osChoices: OPERATING_SYSTEMS.map((value) => ({ title: osName(value), value })),
    browserChoices: BROWSERS.map((value) => ({ title: BROWSER_TITLES[value], value })),
    pathChoices: PATHS.map((value) => ({ title: PATH_TITLES[value], value })),
    authenticatorChoices: authenticatorChoices(),
  };
}
