/**
 * What a technician asks for, validated before anything reaches Graph:
 * a UPN and optional device details (docs/contracts.md §2). Errors are one sentence
 * that says what is wrong and what is accepted.
 */
import { z } from 'zod';
import { allAuthenticators, resolveAuthenticator } from '../catalog/authenticators';
import { PasskeyDoctorError } from '../errors/catalog';
import type { DeviceInput, DiagnoseRequest } from '../model/facts';
import { BROWSERS, OPERATING_SYSTEMS, PATHS } from '../model/vocabulary';

/** Entra UPN characters (docs/graph-facts.md §18): A–Z a–z 0–9 ' . - _ ! # ^ ~ before the @, a DNS domain after it. */
const UPN =
  /^[A-Za-z0-9'.\-_!#^~]{1,113}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export type { DiagnoseRequest } from '../model/facts';

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const listOf = (values: readonly string[]) => values.join(', ');

export type DeviceField = 'os' | 'osVersion' | 'browser' | 'path' | 'authenticator';

/** What each surface calls the device options in its messages; the CLI's flags by default. */
export type OptionNames = Record<DeviceField, string>;

export const CLI_OPTION_NAMES: OptionNames = {
  os: '--os',
  osVersion: '--os-version',
  browser: '--browser',
  path: '--path',
  authenticator: '--authenticator',
};

const deviceSchema = (names: OptionNames) =>
  z.object({
    os: z.preprocess(
      lower,
      z.enum(OPERATING_SYSTEMS, { errorMap: () => ({ message: `${names.os} must be one of ${listOf(OPERATING_SYSTEMS)}` }) }).optional(),
    ),
    osVersion: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z
        .string()
        .regex(/^\d{1,5}(\.\d{1,6}){0,3}$/, `${names.osVersion} must be a version number such as 17.2, 14 or 10.0.22631`)
        .optional(),
    ),
    browser: z.preprocess(
      lower,
      z.enum(BROWSERS, { errorMap: () => ({ message: `${names.browser} must be one of ${listOf(BROWSERS)}` }) }).optional(),
    ),
    path: z.preprocess(lower, z.enum(PATHS, { errorMap: () => ({ message: `${names.path} must be one of ${listOf(PATHS)}` }) }).optional()),
    authenticator: z.string().optional(),
    deviceName: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() || undefined : v),
      z
        .string()
        .max(64, 'the device name must be at most 64 characters')
        .regex(/^[\w .-]+$/, 'the device name may hold letters, digits, spaces, dots, dashes and underscores')
        .optional(),
    ),
  });

/**
 * `deviceName` ties a Windows Hello for Business credential to the device in
 * question (`--device-name`, chat `device=`, the form's Device name).
 */
export type RawDeviceOptions = { [K in DeviceField]?: string } & { deviceName?: string };

const exampleAuthenticators = () =>
  allAuthenticators()
    .filter((a) =>
      [
        'authenticator-ios',
        'authenticator-android',
        'icloud-keychain',
        'google-password-manager',
        'windows-hello',
        'yubikey-5-nfc',
      ].includes(a.id),
    )
    .map((a) => a.id)
    .join(', ');

/** Validates a UPN as typed; returns it trimmed. */
export function parseUpn(raw: string | undefined): string {
  const upn = (raw ?? '').trim();
  if (!upn) throw new PasskeyDoctorError('BAD_UPN', 'missing');
  if (!UPN.test(upn)) {
    throw new PasskeyDoctorError('BAD_UPN', 'malformed', { upn: upn.slice(0, 120) });
  }
  return upn;
}

export function parseDevice(raw: RawDeviceOptions, names: OptionNames = CLI_OPTION_NAMES): DeviceInput | undefined {
  const parsed = deviceSchema(names).safeParse(raw);
  // Every bad option at once, so that one correction fixes them all.
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const typed = raw.authenticator;
  const aaGuid = typed !== undefined && typed.trim() !== '' ? resolveAuthenticator(typed) : undefined;
  if (typed !== undefined && typed.trim() !== '' && !aaGuid) {
    problems.push(
      `${names.authenticator} must be an AAGUID or a catalogue id such as ${exampleAuthenticators()}; "${typed.slice(0, 60)}" is neither`,
    );
  }
  if (!parsed.success || problems.length) throw new PasskeyDoctorError('USAGE', 'deviceOptions', { problems: problems.join('; ') });
  const { authenticator: _typed, ...rest } = parsed.data;
  const device: DeviceInput = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) (device as Record<string, unknown>)[key] = value;
  if (aaGuid) device.authenticator = aaGuid;
  return Object.keys(device).length ? device : undefined;
}

export function parseDiagnoseRequest(
  upn: string | undefined,
  device: RawDeviceOptions = {},
  names: OptionNames = CLI_OPTION_NAMES,
): DiagnoseRequest {
  const parsedDevice = parseDevice(device, names);
  return { upn: parseUpn(upn), ...(parsedDevice ? { device: parsedDevice } : {}) };
}
