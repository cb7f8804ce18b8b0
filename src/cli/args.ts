/**
 * Command-line parsing (contracts §2). Unknown options and missing values are
 * usage errors with one sentence; the values themselves are validated by
 * `parseDiagnoseRequest`, the same code the bot uses.
 */
import { parseArgs } from 'node:util';
import { PasskeyDoctorError } from '../errors/catalog';
import { parseDiagnoseRequest, type DiagnoseRequest } from '../diagnosis/request';

export type Command = { name: 'diagnose'; request: DiagnoseRequest; json: boolean } | { name: 'policy-check'; json: boolean } | { name: 'help' };

export const USAGE = `Usage: passkey-doctor diagnose <upn> [--json] [--os <os>] [--os-version <v>] [--browser <b>] [--path <p>] [--authenticator <aaguid|catalog-id>] [--device-name <name>]

  --os             windows | macos | ios | ipados | android | linux | chromeos
  --os-version     e.g. 17.2, 14, 11 or 10.0.22631
  --browser        edge | chrome | firefox | safari | other
  --path           same-device | cross-device | security-key | authenticator-app | windows-hello
  --authenticator  an AAGUID or a catalogue id such as authenticator-ios, yubikey-5-nfc, icloud-keychain
  --device-name    the Windows device's name, to tell whether its Windows Hello for Business blocks a Windows Hello passkey
  --json           print the verdict JSON (schema: verdict.schema.json) and nothing else

       passkey-doctor policy check [--json]
  judges the tenant's passkey design (schema: policy-check.schema.json)

Exit codes: 0 verdict produced, 2 bad input, 3 Microsoft Graph unreachable or not authorised, 1 unexpected.`;

const LATER = new Set(['report', 'sweep']);

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (LATER.has(name)) throw new PasskeyDoctorError('USAGE', `"${name}" is not available in this version yet; run "passkey-doctor diagnose <upn>".`);
  if (name === 'policy') return parsePolicyCheck(rest);
  if (name !== 'diagnose') throw new PasskeyDoctorError('USAGE', `Unknown command "${name}"; run "passkey-doctor diagnose <upn>" or "passkey-doctor help".`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        os: { type: 'string' },
        'os-version': { type: 'string' },
        browser: { type: 'string' },
        path: { type: 'string' },
        authenticator: { type: 'string' },
        'device-name': { type: 'string' },
      },
    });
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', `${(error as Error).message.split('\n')[0].replace(/\.$/, '')}; run "passkey-doctor help" for the options.`);
  }
  if (parsed.positionals.length > 1) {
    throw new PasskeyDoctorError('USAGE', 'diagnose takes one user principal name; run "passkey-doctor help" for the options.');
  }
  const v = parsed.values;
  const request = parseDiagnoseRequest(parsed.positionals[0], {
    os: v.os,
    osVersion: v['os-version'],
    browser: v.browser,
    path: v.path,
    authenticator: v.authenticator,
    deviceName: v['device-name'],
  });
  return { name: 'diagnose', request, json: v.json ?? false };
}

function parsePolicyCheck(rest: string[]): Command {
  const [sub, ...options] = rest;
  if (sub !== 'check') throw new PasskeyDoctorError('USAGE', 'Did you mean "passkey-doctor policy check [--json]"?');
  let parsed;
  try {
    parsed = parseArgs({ args: options, strict: true, allowPositionals: false, options: { json: { type: 'boolean' } } });
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', `${(error as Error).message.split('\n')[0].replace(/\.$/, '')}; "policy check" takes only --json.`);
  }
  return { name: 'policy-check', json: parsed.values.json ?? false };
}
