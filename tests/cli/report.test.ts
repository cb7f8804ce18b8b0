import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LICENCE_ERROR } from '../../src/graph/responseErrors';
import { renderReportCsv } from '../../src/cli/renderReport';
import { csvField } from '../../src/tenant/csv';
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import type { RegistrationReport } from '../../src/tenant/report/types';
import { runCli } from '../support/captureIo';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/registration-report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('passkey-doctor report on the sandbox tenant', () => {
  it('prints a schema-valid §9 document with --json: every day of the window, sums equal to the totals', async () => {
    const { code, stdout, stderr } = await runCli(['report', '--days', '14', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report: RegistrationReport = JSON.parse(stdout);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.source).toBe('graph');
    expect(report.byDay).toHaveLength(14);
    expect(Date.parse(report.to) - Date.parse(report.from)).toBe(14 * 86_400_000);
    expect(report.byDay.reduce((s, d) => s + d.failures, 0)).toBe(report.totals.failures);
    expect(report.byDay.reduce((s, d) => s + d.successes, 0)).toBe(report.totals.successes);
    expect(report.totals.attempts).toBe(report.totals.failures + report.totals.successes);
    expect(report.graph.requests).toBeGreaterThan(0);
    // The sandbox's generated month: real numbers, someone to reach out to, and an unknown reason kept verbatim.
    expect(report.totals.failures).toBeGreaterThan(0);
    expect(report.outreach.length).toBeGreaterThan(0);
    expect(report.outreach.every((o) => o.failures > 2)).toBe(true);
    expect(report.byReason.some((r) => r.cause === r.reason)).toBe(true);
  });

  it('prints a readable table by default', async () => {
    const { code, stdout } = await runCli(['report']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Passkey registrations \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(stdout).toContain('Failures per day');
    expect(stdout).toContain('Reach out to');
  });

  it('prints one CSV line per failed attempt with --csv', async () => {
    const { code, stdout } = await runCli(['report', '--csv', '--days', '30']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,user,activity,reason,authenticator');
    const json: RegistrationReport = JSON.parse((await runCli(['report', '--days', '30', '--json'])).stdout);
    expect(lines).toHaveLength(1 + json.totals.failures);
    expect(json.totals.failures).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[^,]+,reg\.[^,]+@contoso\.com,Add (Passkey|FIDO2)/);
  });

  it.each([
    [['report', '--days', '0'], /from 1 to 30/],
    [['report', '--days', '31'], /from 1 to 30/],
    [['report', '--days', 'seven'], /whole number/],
    [['report', '--json', '--csv'], /cannot be used together/],
    [['report', '--weeks', '2'], /Unknown option/i],
  ])('refuses %j with one line and exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  describe('against a tenant without the licence', () => {
    let sandbox: SandboxServer;
    beforeAll(async () => {
      sandbox = await startSandbox({ faults: { rules: [{ match: '^/auditLogs/directoryAudits', status: 403, code: LICENCE_ERROR }] } });
    });
    afterAll(async () => sandbox.close());

    it('says which licence is needed, on one line, with exit code 3', async () => {
      const { code, stdout, stderr } = await runCli(['report', '--json'], { GRAPH_BASE_URL: sandbox.url });
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^passkey-doctor: The registration report needs Microsoft Entra ID P1 or P2[^\n]*\n$/);
    });
  });
});

describe('CSV quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    [null, ''],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes one row per failed attempt, fields quoted where needed', () => {
    const csv = renderReportCsv({
      failedAttempts: [
        { time: '2026-12-01T07:00:00Z', userPrincipalName: "o'neil@contoso.com", activity: 'Add Passkey (device-bound)', reason: 'Failed, "badly"', aaguid: null, authenticator: 'Not recorded' },
      ],
    } as RegistrationReport);
    expect(csv).toBe('time,user,activity,reason,authenticator\r\n2026-12-01T07:00:00Z,o\'neil@contoso.com,Add Passkey (device-bound),"Failed, ""badly""",Not recorded\r\n');
  });
});

describe('--csv with Log Analytics', () => {
  it('is refused with one sentence, since the workspace returns counts, not rows', () => {
    expect(() => renderReportCsv({ source: 'log-analytics' } as RegistrationReport)).toThrow(/--csv lists each failed attempt.*use --json/);
  });
});
