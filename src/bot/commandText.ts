/**
 * Message text as a command: Teams may wrap parts of it in markup (a mention
 * left over in a channel, an e-mail address turned into a mailto link), so
 * markup is removed before matching. `diagnose` takes the UPN and optional
 * `key=value` device details; values are validated by the same parser the
 * CLI uses, naming the options in chat terms.
 */
import { PasskeyDoctorError } from '../errors/catalog';
import type { DeviceInput } from '../model/facts';
import { parseDevice, parseDiagnoseRequest, parseUpn, type DiagnoseRequest, type OptionNames, type RawDeviceOptions } from '../input/request';
import { ROUTE_OWNERS, type RouteOwner } from '../model/owners';
import { normaliseText } from './messageText';

export { normaliseText };

const OPTION_KEYS: Record<string, keyof RawDeviceOptions> = {
  os: 'os',
  version: 'osVersion',
  'os-version': 'osVersion',
  browser: 'browser',
  path: 'path',
  authenticator: 'authenticator',
  device: 'deviceName',
};

const CHAT_NAMES: OptionNames = { osVersion: 'version=', os: 'os=', browser: 'browser=', path: 'path=', authenticator: 'authenticator=' };
const FORM_NAMES: OptionNames = { osVersion: 'Version', os: 'Operating system', browser: 'Browser', path: 'How they register', authenticator: 'Intended authenticator' };

const FORM_LABELS: Record<keyof RawDeviceOptions, string> = { ...FORM_NAMES, deviceName: 'Device name' };

/** `diagnose <upn> [os=… version=… browser=… path=… authenticator=… device=…]` (the word `diagnose` included). */
export function parseDiagnoseCommand(text: string): DiagnoseRequest {
  const [, upn, ...rest] = normaliseText(text).split(' ');
  const options: RawDeviceOptions = {};
  for (const token of rest) {
    const match = /^-{0,2}([a-z-]+)=(.*)$/i.exec(token);
    const key = match ? OPTION_KEYS[match[1].toLowerCase()] : undefined;
    if (!match || !key) {
      throw new PasskeyDoctorError('USAGE', 'notDeviceOption', { token: token.slice(0, 40) });
    }
    options[key] = match[2];
  }
  return parseDiagnoseRequest(upn, options, CHAT_NAMES);
}

/** The device form's fields, validated like typed options; blank means "not given". */
export function parseDeviceForm(data: Record<string, unknown>): DeviceInput | undefined {
  const options: RawDeviceOptions = {};
  for (const key of ['os', 'osVersion', 'browser', 'path', 'authenticator', 'deviceName'] as const) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') options[key] = value.trim();
    else if (value !== undefined && value !== null && typeof value !== 'string') throw new PasskeyDoctorError('USAGE', 'formFieldNotText', { field: FORM_LABELS[key] });
  }
  // The form's Windows release choice stands in for a version when no build was typed.
  const release = data['windowsRelease'];
  if (!options.osVersion && options.os?.toLowerCase() === 'windows' && (release === '10' || release === '11')) options.osVersion = release;
  return parseDevice(options, FORM_NAMES);
}

/** `audit <upn>` (the word `audit` included). */
export function parseAuditCommand(text: string): string {
  const [, upn, ...rest] = normaliseText(text).split(' ');
  if (!upn || rest.length) throw new PasskeyDoctorError('USAGE', 'auditCommand');
  return parseUpn(upn);
}

/** `route identity here` / `route endpoint here` (the word `route` included). */
export function parseRouteCommand(text: string): RouteOwner {
  const [, owner, here, ...rest] = normaliseText(text).toLowerCase().split(' ');
  const known = ROUTE_OWNERS.find((o) => o === owner);
  if (!known || here !== 'here' || rest.length) throw new PasskeyDoctorError('USAGE', 'routeCommand', { choices: ROUTE_OWNERS.map((o) => `route ${o} here`).join(' or ') });
  return known;
}
