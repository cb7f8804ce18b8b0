import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { runCli } from '../support/captureIo';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/verdict.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** What a help-desk technician should read for each demo user of the sandbox tenant. */
const EXPECTED: Array<[string, string, string | null]> = [
  ['carol@contoso.com', 'incomplete', null],
  ['alice@contoso.com', 'blocked', 'L3.NO_MFA_METHOD'],
  ['bob@contoso.com', 'blocked', 'L1.EXCLUDED'],
  ['dave@contoso.com', 'at-risk', null],
  ['erin@contoso.com', 'blocked', 'L2.AUTHENTICATOR_BLOCKED'],
  ['frank_fabrikam.com#EXT#@contoso.com', 'blocked', 'L1.GUEST_USER'],
  ['grace@contoso.com', 'incomplete', null],
  ["o'neil@contoso.com", 'incomplete', null],
  ['ivan@contoso.com', 'blocked', 'L1.ACCOUNT_DISABLED'],
  ['nobody@contoso.com', 'user-not-found', null],
];

describe('passkey-doctor diagnose --json on the sandbox tenant', () => {
  it.each(EXPECTED)('gives %s a schema-valid verdict: %s, root cause %s, at most 2 round trips', async (upn, outcome, rootCause) => {
    const { code, stdout, stderr } = await runCli(['diagnose', upn, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout);
    expect(validate(verdict) ? [] : validate.errors).toEqual([]);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.rootCause?.code ?? null).toBe(rootCause);
    expect(verdict.graph.roundTrips).toBeLessThanOrEqual(2);
    expect(verdict.subject).toBe(upn);
  });

  it('tells dave to re-authenticate because his MFA is stale', async () => {
    const verdict = JSON.parse((await runCli(['diagnose', 'dave@contoso.com', '--json'])).stdout);
    expect(verdict.layers[3].findings.map((f: { code: string }) => f.code)).toContain('L4.MFA_STALE');
    expect(verdict.suggestedActions).toContain('reauthenticate');
  });

  it('offers a Temporary Access Pass to alice, who has no MFA method', async () => {
    const verdict = JSON.parse((await runCli(['diagnose', 'alice@contoso.com', '--json'])).stdout);
    expect(verdict.suggestedActions).toEqual(expect.arrayContaining(['issue-tap', 'escalate', 'rerun']));
  });

  it('names the nested group that excludes bob', async () => {
    const verdict = JSON.parse((await runCli(['diagnose', 'bob@contoso.com', '--json'])).stdout);
    const excluded = verdict.layers[0].findings.find((f: { code: string }) => f.code === 'L1.EXCLUDED');
    expect(excluded.message).toMatch(/Passkey Exclusions/);
    expect(excluded.message).toMatch(/through the nested group "Break-glass accounts"/);
  });

  it('speaks to people in the table: no finding codes or action ids, "No problem found" on passing layers', async () => {
    const { stdout } = await runCli(['diagnose', 'alice@contoso.com']);
    expect(stdout).toContain('root cause: layer 3 (MFA bootstrap), owner: identity team');
    expect(stdout).toContain('What you can do next: issue a Temporary Access Pass');
    expect(stdout).not.toMatch(/\bL[1-7]\.[A-Z_]+|issue-tap|add-device-details/);
    expect(stdout).toMatch(/^1 +Passkey policy targeting +pass +No problem found\.$/m);
  });

  it('prints a readable table with one row per layer and the fix under the root cause', async () => {
    const { code, stdout } = await runCli(['diagnose', 'alice@contoso.com']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/BLOCKED/);
    for (const title of ['Passkey policy targeting', 'MFA bootstrap', 'Passkey provider choice']) expect(stdout).toContain(title);
    expect(stdout).toMatch(/Root cause: .+/);
    expect(stdout).toMatch(/Fix: .+/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });
});

describe('passkey-doctor bad input', () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox.close());
  beforeEach(() => sandbox.clearLog());

  it.each([
    [['diagnose', 'not-an-upn']],
    [['diagnose']],
    [['diagnose', 'carol@contoso.com', '--os', 'beos']],
    [['diagnose', 'carol@contoso.com', '--os-version', 'seventeen']],
    [['diagnose', 'carol@contoso.com', '--authenticator', 'my-phone']],
    [['diagnose', 'carol@contoso.com', '--colour']],
    [['diagnose', "x@y.com' or 1 eq 1"]],
    [['frobnicate']],
  ])('rejects %j with one line, exit 2, and nothing sent to Graph', async (argv) => {
    const { code, stdout, stderr } = await runCli(argv, { GRAPH_BASE_URL: sandbox.url });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(sandbox.requestLog).toEqual([]);
  });

  it('prints the usage on stderr and exits 2 when given nothing', async () => {
    const { code, stdout, stderr } = await runCli([], { GRAPH_BASE_URL: sandbox.url });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: passkey-doctor diagnose <upn>/);
  });

  it('names an unknown option and where to look', async () => {
    const { code, stderr } = await runCli(['diagnose', 'carol@contoso.com', '--bogus'], { GRAPH_BASE_URL: sandbox.url });
    expect(code).toBe(2);
    expect(stderr).toBe('passkey-doctor: unknown option --bogus; see passkey-doctor help.\n');
  });

  it('reports every bad option at once, in one line', async () => {
    const { code, stderr } = await runCli(['diagnose', 'not-an-upn', '--bogus', '--os', 'beos', '--browser', 'lynx', '--path'], { GRAPH_BASE_URL: sandbox.url });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    for (const part of ['unknown option --bogus', '--path needs a value', '"not-an-upn" is not a user principal name', '--os must be one of', '--browser must be one of']) expect(stderr).toContain(part);
    expect(sandbox.requestLog).toEqual([]);
  });

  it('stops with exit 2 naming the variable when the configuration is bad', async () => {
    const { code, stderr } = await runCli(['diagnose', 'carol@contoso.com'], { MFA_FRESHNESS_MINUTES: 'soon' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^passkey-doctor: MFA_FRESHNESS_MINUTES /);
  });

  it('refuses a non-loopback Graph URL without credentials', async () => {
    const { code, stderr } = await runCli(['diagnose', 'carol@contoso.com'], { GRAPH_BASE_URL: 'https://graph.example.com' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/GRAPH_BASE_URL/);
  });

  it('exits 3 naming the host when Graph is unreachable', async () => {
    const closed = await startSandbox();
    const url = closed.url;
    await closed.close();
    const { code, stdout, stderr } = await runCli(['diagnose', 'carol@contoso.com', '--json'], { GRAPH_BASE_URL: url });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain(new URL(url).host);
  });

  it('exits 3 naming the permission when Graph refuses to read the user', async () => {
    sandbox.setFaults({ rules: [{ match: '^/', status: 403 }] });
    const { code, stderr } = await runCli(['diagnose', 'carol@contoso.com', '--json'], { GRAPH_BASE_URL: sandbox.url });
    sandbox.setFaults({ rules: [] });
    expect(code).toBe(3);
    expect(stderr).toMatch(/User\.Read\.All/);
  });
});
