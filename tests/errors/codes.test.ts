/**
 * Each boundary has its own catalogue of stable codes: errors a person or a
 * script sees (src/errors/catalog.ts, with exit codes), refusals of a workflow
 * (src/actions/refusals.ts), failures of a Graph write (src/graph/writes.ts),
 * finding codes of a verdict and codes of the policy check. A code means one
 * thing: no string stands in two catalogues, and every code is raised
 * somewhere in src — a catalogue entry nothing uses is a promise nobody keeps.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RefusalCode } from '../../src/actions/refusals';
import { ERRORS } from '../../src/errors/catalog';
import type { WriteFailureCode } from '../../src/graph/writes';
import { FINDING_CODES } from '../../src/model/findingCodes';
import { POLICY_CODES } from '../../src/tenant/policyCheck/codes';

// Records, not arrays: the type checker fails this file when a code is added to or dropped from a union without it.
const REFUSAL_CODES: Record<RefusalCode, true> = {
  'AUTH.NOT_OPERATOR': true,
  'AUTH.NOT_APPROVER': true,
  'AUTH.OWN_REQUEST': true,
  'AUTH.NOT_CONFIGURED': true,
  'AUTH.CHECK_FAILED': true,
  'REQUEST.UNKNOWN': true,
  'REQUEST.OTHER_CONVERSATION': true,
  'REQUEST.ALREADY_OPEN': true,
  'REQUEST.ALREADY_DONE': true,
  'REQUEST.IN_PROGRESS': true,
  'REQUEST.DENIED': true,
  'REQUEST.EXPIRED': true,
  'REQUEST.RATE_LIMITED': true,
  'TARGET.NOT_FOUND': true,
  'TARGET.GUEST': true,
  'TARGET.DISABLED': true,
  'TARGET.PRIVILEGED': true,
  'TARGET.TAP_DISABLED': true,
  'TARGET.TAP_OUT_OF_SCOPE': true,
  'TARGET.UNCHECKED': true,
  'PASSKEY.NOT_FOUND': true,
  'GRAPH.FAILED': true,
  'ESCALATION.NO_OWNER': true,
  'ESCALATION.NO_CHANNEL': true,
};

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
      if (path === join('src', 'errors', 'catalog.ts')) return text.slice(text.indexOf('} as const;'));
      if (path === join('src', 'actions', 'refusals.ts')) return text.slice(text.indexOf('export interface Refusal'));
      // Words for codes are not uses of them.
      if (path === join('src', 'actions', 'refusalWords.ts') || path === join('src', 'cards', 'codeWords.ts')) return '';
      if (path === join('src', 'graph', 'writes.ts')) return text.slice(text.indexOf('export interface WriteFailure'));
      if (path === join('src', 'model', 'findingCodes.ts')) return '';
      return text;
    })
    .join('\n');
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
