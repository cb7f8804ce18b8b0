import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxOptions, SandboxServer } from '../../src/sandbox';
import { SweepService } from '../../src/tenant/sweep/service';
import { rootCauseOf } from '../../src/diagnosis/verdict';
import type { SweepDocument, SweepUser } from '../../src/tenant/sweep/types';
import { runCli } from '../support/captureIo';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/sweep.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const EVERYONE = '0f0f0f0f-0000-4000-8000-00000000e000';
const NESTED = '0f0f0f0f-0000-4000-8000-00000000e001';
const DEVICE = '0f0f0f0f-0000-4000-8000-00000000d001';

/** A group holding every Contoso user — half of them through a nested group — plus a device. */
function addEveryone(sandbox: SandboxServer): void {
  const ids = sandbox.tenant.users.map((u) => String(u.id));
  const half = Math.ceil(ids.length / 2);
  sandbox.tenant.groups.push(
    { object: { id: NESTED, displayName: 'Everyone nested' }, memberIds: ids.slice(half) },
    { object: { id: EVERYONE, displayName: 'Everyone' }, memberIds: [...ids.slice(0, half), NESTED, DEVICE] },
  );
}

/** `count` generated users, each with a phone, in Everyone and in the first include group of the passkey policy. */
function addGenerated(sandbox: SandboxServer, count: number): void {
  const include = String((sandbox.tenant.authenticationMethodsPolicy as { authenticationMethodConfigurations: Array<{ id: string; includeTargets: Array<{ id: string }> }> })
    .authenticationMethodConfigurations.find((c) => c.id === 'Fido2')!.includeTargets[0].id);
  const pilot = sandbox.tenant.groups.find((g) => String(g.object.id) === include)!;
  const everyone = sandbox.tenant.groups.find((g) => String(g.object.id) === EVERYONE)!;
  for (let i = 0; i < count; i++) {
    const id = `0e0e0e0e-0000-4000-8000-${String(i).padStart(12, '0')}`;
    sandbox.tenant.users.push({ id, userPrincipalName: `gen${String(i).padStart(5, '0')}@contoso.com`, displayName: `Generated ${i}`, userType: 'Member', accountEnabled: true });
    sandbox.tenant.authenticationMethods.set(id, [{ '@odata.type': '#microsoft.graph.phoneAuthenticationMethod', id: `p${i}`, phoneNumber: '+1 555 0100', phoneType: 'mobile' }]);
    pilot.memberIds.push(id);
    everyone.memberIds.push(id);
  }
}

async function withSandbox<T>(options: SandboxOptions, body: (s: SandboxGateway) => Promise<T>, setup: (s: SandboxServer) => void = addEveryone): Promise<T> {
  const s = await sandboxGateway(options);
  setup(s.sandbox);
  try {
    return await body(s);
  } finally {
    await s.close();
  }
}

const sweep = (s: SandboxGateway, group = 'Everyone'): Promise<SweepDocument> => new SweepService(() => s.gateway.sweepReads()).run(group);
const reportPages = (s: SandboxGateway) => s.sandbox.requestLog.filter((r) => r.path === '/reports/authenticationMethods/userRegistrationDetails').length;
const holdsPassOrPasskey = (s: SandboxGateway, id: string) =>
  (s.sandbox.tenant.authenticationMethods.get(id) ?? []).some((m) =>
    ['#microsoft.graph.temporaryAccessPassAuthenticationMethod', '#microsoft.graph.fido2AuthenticationMethod'].includes(String(m['@odata.type'])),
  );
const byUpn = (doc: SweepDocument) => new Map(doc.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));

describe('sweep on the sandbox tenant', () => {
  it('agrees with diagnose on outcome and layer 1-3 root cause for every sandbox user', async () => {
    await withSandbox({ faults: { reportsQuota: 'off' } }, async (s) => {
      const doc = await sweep(s);
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
      expect(doc.group.members).toBe(s.sandbox.tenant.users.length);
      const users = byUpn(doc);
      const disagreements: string[] = [];
      for (const raw of s.sandbox.tenant.users) {
        const upn = String(raw.userPrincipalName);
        const verdict = await s.diagnose(upn);
        const layers = verdict.layers.slice(0, 3);
        const root = rootCauseOf(layers);
        const unknown = layers.some((l) => l.findings.some((f) => f.severity === 'unknown'));
        const stranded = new Set(layers[1].findings.filter((f) => f.code === 'L2.REGISTERED_PASSKEY_NOW_BLOCKED').map((f) => f.evidence?.methodId));
        const passkey = (s.sandbox.tenant.authenticationMethods.get(String(raw.id)) ?? []).some((m) => m['@odata.type'] === '#microsoft.graph.fido2AuthenticationMethod' && !stranded.has(m.id));
        const expected = root ? 'blocked' : unknown ? 'unknown' : passkey ? 'has-passkey' : 'ready';
        const got = users.get(upn.toLowerCase()) as SweepUser;
        const want = `${expected} ${root ? root.code : '-'}`;
        const have = `${got.outcome} ${got.rootCause ? got.rootCause.code : '-'}`;
        if (want !== have) disagreements.push(`${upn}: diagnose ${want}, sweep ${have}`);
      }
      expect(disagreements).toEqual([]);
      // Several outcomes, so the agreement is not vacuous.
      expect(new Set(doc.users.map((u) => u.outcome)).size).toBeGreaterThanOrEqual(3);
    });
  });

  it('skips the device member and reads each list with few requests', async () => {
    await withSandbox({ faults: { reportsQuota: 'off' } }, async (s) => {
      const doc = await sweep(s);
      expect(doc.users.map((u) => u.id)).not.toContain(DEVICE);
      expect(Object.values(doc.summary).reduce((a, b) => a + b, 0)).toBe(doc.group.members);
      expect(reportPages(s)).toBe(1);
      // Own methods are read only for a pass or a passkey the report cannot judge, never for everyone.
      const read = s.sandbox.requestLog.filter((r) => /\/authentication\/methods$/.test(r.path)).map((r) => r.path.split('/')[2]);
      expect(read.length).toBeGreaterThan(0);
      expect(read.length).toBeLessThan(doc.group.members / 4);
      expect(read.every((id) => holdsPassOrPasskey(s, id))).toBe(true);
    });
  });

  it('pages through members and the registration report (2,500 generated users: 3 pages each)', async () => {
    await withSandbox({ faults: { reportsQuota: 'off' } }, async (s) => {
      const doc = await sweep(s);
      expect(doc.group.members).toBe(s.sandbox.tenant.users.length);
      expect(reportPages(s)).toBe(3);
      const generated = doc.users.filter((u) => u.userPrincipalName.startsWith('gen'));
      expect(generated).toHaveLength(2500);
      expect(new Set(generated.map((u) => u.outcome))).toEqual(new Set(['ready']));
      const memberPages = s.sandbox.requestLog.filter((r) => /^\/groups\/[^/]+\/transitiveMembers$/.test(r.path)).length;
      expect(memberPages).toBeGreaterThanOrEqual(3);
    }, (sandbox) => {
      addEveryone(sandbox);
      addGenerated(sandbox, 2500);
    });
  });

  it('a 403 on the report (no P1 licence): no member ready, only causes that need no methods block, said once', async () => {
    await withSandbox({ licence: 'free', faults: { reportsQuota: 'off' } }, async (s) => {
      const doc = await sweep(s);
      expect(doc.summary.ready).toBe(0);
      expect(doc.summary['has-passkey']).toBe(0);
      expect(doc.notes).toHaveLength(1);
      expect(doc.notes[0]).toMatch(/licence/);
      const blocked = doc.users.filter((u) => u.outcome === 'blocked').map((u) => u.rootCause?.code);
      // Layers 1 and 2 need no registered methods; layer 3 does, so it never blocks on a report it could not read.
      expect(blocked.length).toBeGreaterThan(0);
      expect(blocked.filter((c) => c?.startsWith('L3.'))).toEqual([]);
      expect(blocked).toContain('L1.ACCOUNT_DISABLED');
      expect(doc.users.filter((u) => u.outcome === 'unknown').every((u) => /licence/.test(u.reason ?? ''))).toBe(true);
    });
  });

  it('a 429 on the report mid-sweep waits for Retry-After and finishes', async () => {
    await withSandbox({ faults: { reportsQuota: 'off', rules: [{ match: '^/reports/', status: 429, times: 1, retryAfterSeconds: 0.05 }] } }, async (s) => {
      const doc = await sweep(s);
      expect(doc.summary.unknown).toBe(0);
      expect(s.holds.length + s.waits.length).toBeGreaterThan(0);
    });
  });
});

describe('passkey-doctor sweep (CLI)', () => {
  // These check the document and the CSV, not the quota (the sweep service tests above wait on it):
  // with the sandbox's generated audit history, the background reads of one sweep take about 20 s under 5 per 10 s.
  const roomy = { SANDBOX_REPORTS_QUOTA: 'off', GRAPH_REPORTS_QUOTA: '100/10' };
  it('prints a schema-valid document for a group named by display name', async () => {
    const { code, stdout, stderr } = await runCli(['sweep', 'All Staff', '--json'], roomy);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const upns = doc.users.map((u: SweepUser) => u.userPrincipalName.toLowerCase());
    expect(upns).toEqual([...upns].sort());
  });

  it('streams CSV with a header and one line per member', async () => {
    const { code, stdout } = await runCli(['sweep', 'All Staff', '--csv'], roomy);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('userPrincipalName,displayName,id,outcome,rootCauseLayer,rootCauseCode,hasPasskey,reason');
    const json = JSON.parse((await runCli(['sweep', 'All Staff', '--json'], roomy)).stdout);
    expect(lines).toHaveLength(json.users.length + 1);
  });

  it('a group that does not exist exits 2 with the reason', async () => {
    const byName = await runCli(['sweep', 'No Such Group']);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toMatch(/No group is named "No Such Group"/);
    const byId = await runCli(['sweep', '11111111-2222-4333-8444-555555555555']);
    expect(byId.code).toBe(2);
    expect(byId.stderr).toMatch(/No group with id/);
    const both = await runCli(['sweep', 'All Staff', '--json', '--csv']);
    expect(both.code).toBe(2);
  });
});
