/**
 * Each boundary has its own catalogue of stable codes: errors a person or a
 * script sees (src/errors/catalog.ts, with exit codes), refusals of a workflow
 * (src/actions/refusals.ts), failures of a Graph write (src/graph/writes.ts),
 * finding codes of a verdict and codes of the policy check. A code means one
 * thing: no string stands in two catalogues, and every code is raised
 * somewhere in src — a catalogue entry nothing uses is a promise nobody keeps.
 * Errors and write failures keep their sentences beside their codes, with
 * `{param}` placeholders: every code has words, every placeholder is well
 * formed, and every sentence is said somewhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REFUSAL_CODES } from '../support/refusalCodes';
import { ERRORS, ERROR_OF_GAP, PasskeyDoctorError, type ErrorCode } from '../../src/errors/catalog';
import { WRITE_FAILURE_WORDS, type WriteFailureCode } from '../../src/graph/writes';
import { FINDING_CODES } from '../../src/model/findingCodes';
import { POLICY_CODES } from '../../src/tenant/policyCheck/codes';

// Records, not arrays: the type checker fails this file when a code is added to or dropped from a union without it.
const WRITE_FAILURE_CODES: Record<WriteFailureCode, true> = {
  TAP_LIFETIME_OUT_OF_RANGE: true,
  TAP_EXTERNAL_GUEST: true,
  BAD_REQUEST: true,
  PERMISSION_MISSING: true,
  THROTTLED: true,
  NOT_FOUND: true,
  UNAUTHORISED: true,
  UNAVAILABLE: true,
};

const CATALOGUES: Record<string, string[]> = {
  errors: Object.keys(ERRORS),
  refusals: Object.keys(REFUSAL_CODES),
  'graph writes': Object.keys(WRITE_FAILURE_CODES),
  findings: Object.keys(FINDING_CODES),
  'policy check': Object.keys(POLICY_CODES),
};

const FILE_BREAK = '\n/* --- next file --- */\n';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The product's code, with each catalogue's own definition of its codes left out. */
function codeOutsideDefinitions(): string {
  return sourceFiles('src')
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      // The table ends at the first `}` in column 0; the words of a code are not a use of it.
      if (path === join('src', 'errors', 'catalog.ts')) return text.slice(text.indexOf('\n} as const;'));
      if (path === join('src', 'actions', 'refusals.ts')) return text.slice(text.indexOf('export interface Refusal'));
      // Words for codes are not uses of them.
      if (path === join('src', 'actions', 'refusalWords.ts') || path === join('src', 'cards', 'codeWords.ts')) return '';
      if (path === join('src', 'graph', 'writes.ts')) return text.slice(text.indexOf('export interface WriteFailure'));
      if (path === join('src', 'model', 'findingCodes.ts')) return '';
      return text;
    })
    .join(FILE_BREAK);
}

describe('error and result codes', () => {
  it('gives every code one meaning: no code stands in two catalogues', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [catalogue, codes] of Object.entries(CATALOGUES)) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        const other = seen.get(code);
        if (other) clashes.push(`${code} in ${other} and ${catalogue}`);
        seen.set(code, catalogue);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(['errors', 'refusals', 'graph writes'])('raises every %s code somewhere in src', (catalogue) => {
    const code = codeOutsideDefinitions();
    const unused = CATALOGUES[catalogue].filter((c) => !code.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });
});

/** Each `{` opens a `{name}` and each `}` closes one: nothing else of a brace survives filling in. */
const malformedPlaceholders = (template: string): string[] => template.replace(/\{\w+\}/g, '').match(/[{}]/g) ?? [];

/** Every code's sentences as `CODE.variant` → template. */
const ERROR_TEMPLATES: Array<[string, string]> = Object.entries(ERRORS).flatMap(([code, entry]) =>
  Object.entries(entry.messages as Record<string, string>).map(([variant, template]): [string, string] => [`${code}.${variant}`, template]),
);
const WRITE_TEMPLATES: Array<[string, string]> = Object.entries(WRITE_FAILURE_WORDS).flatMap(([code, variants]) =>
  Object.entries(variants as Record<string, string>).map(([variant, template]): [string, string] => [`${code}.${variant}`, template]),
);

describe('the words beside the codes', () => {
  it('gives every error code an exit code, a title and at least one sentence', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect([code, [1, 2, 3].includes(entry.exitCode), entry.title.length > 0, Object.keys(entry.messages).length > 0]).toEqual([code, true, true, true]);
    }
  });

  it('gives every write failure its words, except UNAUTHORISED, which carries the transport\'s own sentence', () => {
    const without = Object.keys(WRITE_FAILURE_CODES).filter((code) => !(code in WRITE_FAILURE_WORDS));
    expect(without).toEqual(['UNAUTHORISED']);
  });

  it.each([...ERROR_TEMPLATES, ...WRITE_TEMPLATES])('%s has well-formed placeholders and says something', (_name, template) => {
    expect(malformedPlaceholders(template)).toEqual([]);
    expect(template.replace(/\{\w+\}/g, '').trim().length).toBeGreaterThan(0);
  });

  it('says every error sentence somewhere: each CODE.variant is raised by a new PasskeyDoctorError in src', () => {
    const said = new Set<string>();
    const gapCodes = Object.values(ERROR_OF_GAP) as string[];
    const variantsOf = (code: string): string[] => Object.keys((ERRORS as Record<string, { messages: object }>)[code]?.messages ?? {});
    for (const file of codeOutsideDefinitions().split(FILE_BREAK)) {
      for (const match of file.matchAll(/new PasskeyDoctorError\(\s*([^,]+?),\s*([^,)]+?)\s*[,)]/g)) {
        const [, codeArgument, variantArgument] = match;
        // A code chosen through ERROR_OF_GAP may be any of its codes; a ternary names its codes.
        const codes = codeArgument.startsWith('ERROR_OF_GAP[') ? gapCodes : [...codeArgument.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
        const literal = /^'(\w+)'$/.exec(variantArgument.trim());
        for (const code of codes) {
          // A variant passed in from a helper (e.g. config's fail(variable, problem)) is said where the file names it.
          const variants = literal ? [literal[1]] : variantsOf(code).filter((v) => file.includes(`'${v}'`));
          for (const variant of variants) said.add(`${code}.${variant}`);
        }
      }
    }
    expect(ERROR_TEMPLATES.map(([name]) => name).filter((name) => !said.has(name))).toEqual([]);
  });

  it('says every write-failure sentence somewhere in src/graph/writes.ts', () => {
    const writes = readFileSync(join('src', 'graph', 'writes.ts'), 'utf8');
    const body = writes.slice(writes.indexOf('export interface WriteFailure'));
    expect(WRITE_TEMPLATES.map(([name]) => name).filter((name) => !body.includes(`WRITE_FAILURE_WORDS.${name}`))).toEqual([]);
  });

  it('maps each read gap onto an error code of exit code 3 (Graph could not answer)', () => {
    const exitCodes = Object.values(ERROR_OF_GAP).map((code: ErrorCode) => ERRORS[code].exitCode);
    expect(new Set(exitCodes)).toEqual(new Set([3]));
  });

  it('lists every error code with its exit code in docs/contracts.md, which scripts rely on', () => {
    const contracts = readFileSync(join('docs', 'contracts.md'), 'utf8');
    const missing = Object.entries(ERRORS).filter(([code, entry]) => !contracts.includes(`| \`${code}\` | ${entry.exitCode} |`));
    expect(missing.map(([code]) => code)).toEqual([]);
  });

  it('will not make an error whose sentence lacks a parameter (checked by the type checker)', () => {
    // @ts-expect-error -- 'malformed' names {upn}; leaving it out does not compile.
    const unfilled = new PasskeyDoctorError('BAD_UPN', 'malformed', {});
    // At run time a missing value stays visible rather than vanish.
    expect(unfilled.message).toContain('{upn}');
    expect(new PasskeyDoctorError('BAD_UPN', 'malformed', { upn: 'bob' }).message).toBe('"bob" is not a user principal name; type it like alice@contoso.com.');
  });
});
