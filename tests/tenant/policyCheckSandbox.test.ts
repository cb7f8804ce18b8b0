import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixture, type SandboxOptions } from '../../src/sandbox';
import { PolicyCheckService } from '../../src/tenant/policyCheck/service';
import { runCli } from '../support/captureIo';
import { sandboxGateway } from '../support/sandboxGateway';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/policy-check.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const schemaErrors = (doc: unknown) => (validate(doc) ? [] : validate.errors);

async function checkSandbox(options: SandboxOptions) {
  const sandbox = await sandboxGateway(options);
  try {
    return await new PolicyCheckService(sandbox.gateway, { id: null, displayName: 'Contoso' }).check();
  } finally {
    await sandbox.close();
  }
}

describe('passkey-doctor policy check on the sandbox tenant', () => {
  it('prints a schema-valid document naming the Contoso design flaws, in at most two round trips', async () => {
    const { code, stdout, stderr } = await runCli(['policy', 'check', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(schemaErrors(doc)).toEqual([]);
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual([
      'POLICY.AUTHENTICATOR_APP_BLOCKED',
      'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP',
      'POLICY.REGISTRATION_CA_WITHOUT_TAP',
    ]);
    expect(doc.summary).toEqual({ fail: 0, warn: 3, info: 0, unknown: 0 });
    expect(doc.graph.roundTrips).toBeLessThanOrEqual(2);
  });

  it('prints a table: one line per finding with its fix underneath', async () => {
    const { code, stdout } = await runCli(['policy', 'check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 fail, 3 warn, 0 info/);
    const lines = stdout.split('\n');
    const warn = lines.findIndex((l) => l.startsWith('WARN'));
    expect(lines[warn + 1]).toMatch(/^\s+Fix: /);
  });

  it('refuses a misspelt sub-command with exit code 2 and one line', async () => {
    const { code, stderr, stdout } = await runCli(['policy', 'chekc']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('turns a 403 on the Conditional Access policies into unknown findings naming Policy.Read.All', async () => {
    const doc = await checkSandbox({ faults: { rules: [{ match: '^/identity/conditionalAccess/policies', status: 403 }] } });
    expect(schemaErrors(doc)).toEqual([]);
    const unknown = doc.findings.filter((f) => f.severity === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const f of unknown) expect(f.fix).toMatch(/Policy\.Read\.All/);
    expect(doc.findings.map((f) => f.code)).toContain('POLICY.AUTHENTICATOR_APP_BLOCKED');
  });

  it('notices a passkey exclusion group that was deleted from the directory', async () => {
    const fixture = loadFixture();
    fixture.groups = fixture.groups.filter((g) => g.displayName !== 'Passkey Exclusions');
    const fido2 = (fixture.authenticationMethodsPolicy as { authenticationMethodConfigurations: Array<Record<string, unknown>> }).authenticationMethodConfigurations.find((c) => c.id === 'Fido2')!;
    fido2.excludeTargets = [{ targetType: 'group', id: '0d1e7e00-0000-4000-8000-00000000dead' }];
    const doc = await checkSandbox({ fixture });
    const missingGroup = doc.findings.find((f) => f.code === 'POLICY.TARGET_GROUP_MISSING');
    expect(missingGroup?.evidence).toEqual({ groupId: '0d1e7e00-0000-4000-8000-00000000dead', where: ['Passkey (FIDO2) method'] });
  });
});
