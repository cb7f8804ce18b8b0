/**
 * Command-line parsing (docs/contracts.md §2). Unknown options, missing values and
 * bad values are usage errors, all of them in one line; the values are
 * validated by `parseUpn` and `parseDevice`, the same code the bot uses.
 */
import { parseArgs } from 'node:util';
import { PasskeyDoctorError } from '../errors/catalog';
import { parseDevice, parseUpn, type DiagnoseRequest } from '../input/request';
import { problemClause } from './problemClause';
import { parseReportArgs, type ReportCommand } from './reportArgs';

export type Command =
  | { name: 'diagnose'; request: DiagnoseRequest; json: boolean }
  | { name: 'policy-check'; json: boolean }
  | ReportCommand
  | { name: 'sweep'; group: string; format: 'text' | 'json' | 'csv'; authenticator?: string }
  | { name: 'help' };

export const USAGE = `Usage: passkey-doctor diagnose <upn> [--json] [--os <os>] [--os-version <v>] [--browser <b>] [--path <p>] [--authenticator <aaguid|catalog-id>] [--device-name <name>]

  --os             windows | macos | ios | ipados | android | linux | chromeos
  --os-version     e.g. 17.2, 14, 11 or 10.0.22631
  --browser        edge | chrome | firefox | safari | other
  --path           same-device | cross-device | security-key | authenticator-app | windows-hello
  --authenticator  an AAGUID or a catalogue id such as authenticator-ios, yubikey-5-nfc, icloud-keychain
  --device-name    the Windows device's name, to tell whether its Windows Hello for Business blocks a Windows Hello passkey
  --json           print the verdict JSON and nothing else (JSON Schema: schemas/verdict.schema.json in the package)

       passkey-doctor policy check [--json]
  judges the tenant's passkey design (JSON Schema: schemas/policy-check.schema.json in the package)

       passkey-doctor report [--days N] [--json | --csv]
  passkey registration attempts and failures of the last N whole UTC days (1–30, default 7)
  (JSON Schema: schemas/registration-report.schema.json; --csv: one line per failed attempt)

       passkey-doctor sweep <group-id | group name> [--json | --csv] [--authenticator <aaguid|catalog-id>]
  who in the group can register a passkey today, layers 1-3 (JSON Schema: schemas/sweep.schema.json in the package)

Exit codes: 0 verdict produced, 2 bad input, 3 Microsoft Graph unreachable or not authorised, 1 unexpected.`;

const OPTIONS = {
  json: { type: 'boolean' },
  os: { type: 'string' },
  'os-version': { type: 'string' },
  browser: { type: 'string' },
  path: { type: 'string' },
  authenticator: { type: 'string' },
  'device-name': { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;
const isKnown = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  if (!name) throw new PasskeyDoctorError('USAGE', 'noCommand');
  if (name === 'policy') return parsePolicyCheck(rest);
  if (name === 'report') return parseReportArgs(rest);
  if (name === 'sweep') return parseSweep(rest);
  if (name !== 'diagnose') throw new PasskeyDoctorError('USAGE', 'unknownCommand', { name });
  // Not strict: every bad option is collected and reported in one line, instead of the first one alone.
  const { tokens, positionals } = parseArgs({ args: rest, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const problems: string[] = [];
  const values: Partial<Record<OptionName, string | boolean>> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!isKnown(token.name)) problems.push(`unknown option ${token.rawName}`);
    else if (OPTIONS[token.name].type === 'boolean') {
      if (token.value !== undefined) problems.push(`${token.rawName} takes no value`);
      else values[token.name] = true;
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      problems.push(`${token.rawName} needs a value${token.value ? ` (got ${token.value})` : ''}`);
    } else values[token.name] = token.value;
  }
  if (positionals.length > 1) problems.push(`diagnose takes one user principal name, got ${positionals.length}`);
  let upn: string | undefined;
  let badUpn = false;
  try {
    upn = parseUpn(positionals[0]);
  } catch (error) {
    badUpn = true;
    problems.push(problemClause(error));
  }
  let device: DiagnoseRequest['device'];
  try {
    device = parseDevice({
      os: values.os as string | undefined,
      osVersion: values['os-version'] as string | undefined,
      browser: values.browser as string | undefined,
      path: values.path as string | undefined,
      authenticator: values.authenticator as string | undefined,
      deviceName: values['device-name'] as string | undefined,
    });
  } catch (error) {
    problems.push(problemClause(error));
  }
  if (problems.length) {
    throw new PasskeyDoctorError(badUpn && problems.length === 1 ? 'BAD_UPN' : 'USAGE', 'diagnoseOptions', { problems: problems.join('; ') });
  }
  return { name: 'diagnose', request: { upn: upn!, ...(device ? { device } : {}) }, json: values.json === true };
}

function parsePolicyCheck(rest: string[]): Command {
  const [sub, ...options] = rest;
  if (sub !== 'check') throw new PasskeyDoctorError('USAGE', 'policyCheckCommand');
  let parsed;
  try {
    parsed = parseArgs({ args: options, strict: true, allowPositionals: false, options: { json: { type: 'boolean' } } });
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', 'policyCheckOptions', { problem: problemClause(error) });
  }
  return { name: 'policy-check', json: parsed.values.json ?? false };
}

function parseSweep(rest: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, csv: { type: 'boolean' }, authenticator: { type: 'string' } } });
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', 'sweepOptions', { problem: problemClause(error) });
  }
  const { values, positionals } = parsed;
  const group = positionals.join(' ').trim();
  if (!group) throw new PasskeyDoctorError('USAGE', 'sweepNoGroup');
  if (values.json && values.csv) throw new PasskeyDoctorError('USAGE', 'sweepFormats');
  let authenticator: string | undefined;
  if (values.authenticator !== undefined) {
    try {
      authenticator = parseDevice({ authenticator: values.authenticator })?.authenticator;
    } catch (error) {
      throw new PasskeyDoctorError('USAGE', 'sweepOptions', { problem: problemClause(error) });
    }
  }
  return { name: 'sweep', group, format: values.json ? 'json' : values.csv ? 'csv' : 'text', ...(authenticator ? { authenticator } : {}) };
}
