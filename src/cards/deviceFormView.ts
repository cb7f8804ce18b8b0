/**
 * The device-details form: the choices come from the same lists the request
 * parser accepts (and the authenticator catalogue), pre-filled with what the
 * verdict already knows about the device.
 */
import { allAuthenticators, authenticatorByAaguid, type AuthenticatorKind } from '../catalog/authenticators';
import { osName } from '../catalog/platformMatrix';
import { BROWSERS, OPERATING_SYSTEMS, PATHS } from '../diagnosis/request';
import type { Verdict } from '../diagnosis/verdictTypes';

interface Choice {
  title: string;
  value: string;
}

export interface DeviceFormView {
  runId: string;
  os: string;
  osVersion: string;
  browser: string;
  path: string;
  authenticator: string;
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

export function deviceFormView(verdict: Verdict, runId: string): DeviceFormView {
  const device = verdict.device;
  return {
    runId,
    os: device?.os ?? '',
    osVersion: device?.osVersion ?? '',
    browser: device?.browser ?? '',
    path: device?.path ?? '',
    authenticator: device?.authenticator ? (authenticatorByAaguid(device.authenticator)?.id ?? '') : '',
    osChoices: OPERATING_SYSTEMS.map((value) => ({ title: osName(value), value })),
    browserChoices: BROWSERS.map((value) => ({ title: BROWSER_TITLES[value], value })),
    pathChoices: PATHS.map((value) => ({ title: PATH_TITLES[value], value })),
    authenticatorChoices: authenticatorChoices(),
  };
}
