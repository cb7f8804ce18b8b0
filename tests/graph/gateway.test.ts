import { loadConfig } from '../../src/config/schema';
import { createGraphClient } from '../../src/graph/client';
import { GraphGateway } from '../../src/graph/gateway';
import { loadFixture } from '../../src/sandbox';
import type { Verdict } from '../../src/model/verdictTypes';
import { userSignInsRequest } from '../../src/graph/userFacts';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const codes = (v: Verdict, layer: number) => v.layers[layer - 1].findings.map((f) => f.code);
const topLevel = (t: SandboxGateway) => t.sandbox.requestLog.filter((r) => !r.inner);
const inner = (t: SandboxGateway, pattern: RegExp) => t.sandbox.requestLog.filter((r) => r.inner && pattern.test(r.path));

describe('Graph gateway against the sandbox tenant over HTTP', () => {
  let t: SandboxGateway;
  afterEach(async () => t?.close());

  it('costs two round trips cold and one warm, each a $batch', async () => {
    t = await sandboxGateway();
    const cold = await t.diagnose('carol@contoso.com');
    expect(cold.graph.roundTrips).toBe(2);
    expect(topLevel(t).map((r) => `${r.method} ${r.version} ${r.path}`)).toEqual(['POST v1.0 /$batch', 'POST beta /$batch']);
    t.sandbox.clearLog();
    const warm = await t.diagnose('carol@contoso.com');
    expect(warm.graph.roundTrips).toBe(1);
    expect(topLevel(t)).toHaveLength(1);
    expect(warm.graph.requests).toBe(inner(t, /./).length);
  });

  it('reads the groups nested in the policy exclusions once, as an advanced query, and keeps them with the snapshot', async () => {
    t = await sandboxGateway();
    await t.diagnose('bob@contoso.com');
    const nested = inner(t, /\/transitiveMembers\/microsoft\.graph\.group$/);
    expect(nested.map((r) => r.status)).toEqual([200]);
    t.sandbox.clearLog();
    const warm = await t.diagnose('bob@contoso.com');
    expect(inner(t, /\/transitiveMembers\//)).toEqual([]);
    expect(warm.layers[0].findings[0].message).toContain('"Break-glass accounts"');
  });

  it('skips the throttled sign-in and audit reports when a caller does not need them', async () => {
    t = await sandboxGateway();
    const gathered = await t.gateway.gather('alice@contoso.com', { logs: false });
    expect(inner(t, /^\/auditLogs\//)).toEqual([]);
    expect(gathered.user.signIns.ok).toBe(false);
    expect(gathered.user.audits.ok).toBe(false);
    expect(gathered.user.directoryRoleIds?.ok).toBe(true);
    expect(gathered.user.memberOfCheckedGroups.ok).toBe(true);
  });

  it('fetches the tenant snapshot once however many diagnoses wait on it', async () => {
    t = await sandboxGateway();
    await Promise.all(['carol@contoso.com', 'dave@contoso.com', 'bob@contoso.com'].map((u) => t.diagnose(u)));
    expect(topLevel(t).filter((r) => r.version === 'v1.0')).toHaveLength(1);
    expect(inner(t, /^\/policies\/authenticationMethodsPolicy$/)).toHaveLength(1);
  });

  it('checks membership of more than 20 policy groups in chunks of 20 and never sends all_users', async () => {
    const fixture = loadFixture();
    const extra = Array.from({ length: 25 }, (_, i) => ({
      id: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Rollout wave ${i + 1}`,
      members: i === 24 ? ['zoe@contoso.com'] : [],
    }));
    fixture.groups.push(...extra);
    fixture.users.push({ ...structuredClone(fixture.users.find((u) => u.userPrincipalName === 'carol@contoso.com')!), id: 'bbbbbbbb-0000-4000-8000-000000000001', userPrincipalName: 'zoe@contoso.com', displayName: 'Zoe Last' });
    const fido2 = fixture.authenticationMethodsPolicy.authenticationMethodConfigurations.find((c) => c.id === 'Fido2') as unknown as { includeTargets: Array<Record<string, unknown>> };
    const profile = fido2.includeTargets[0].allowedPasskeyProfiles;
    fido2.includeTargets.push(...extra.map((g) => ({ id: g.id, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: profile })));
    t = await sandboxGateway({ fixture });
    const verdict = await t.diagnose('zoe@contoso.com');
    const checks = inner(t, /\/checkMemberGroups$/);
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks.every((r) => r.status === 200)).toBe(true);
    expect(codes(verdict, 1)).not.toContain('L1.NOT_TARGETED');
    expect(verdict.layers[0].status).not.toBe('fail');
  });

  it('reads every direct group of a user who belongs to more than 100 groups', async () => {
    const fixture = loadFixture();
    const many = Array.from({ length: 120 }, (_, i) => ({
      id: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`,
      displayName: `Team ${i + 1}`,
      members: ['carol@contoso.com'],
    }));
    fixture.groups.unshift(...many);
    t = await sandboxGateway({ fixture });
    const gathered = await t.gateway.gather('carol@contoso.com');
    expect(gathered.user.directGroupIds.ok && gathered.user.directGroupIds.value.length).toBeGreaterThan(120);
  });

  it('retries a 429 inside a batch after its own Retry-After, held in the reports scheduler, and then succeeds', async () => {
    t = await sandboxGateway({ faults: { rules: [{ match: '^/auditLogs/signIns', status: 429, times: 1, retryAfterSeconds: 0.25 }] } });
    const verdict = await t.diagnose('carol@contoso.com');
    expect(t.holds).toEqual([250]);
    expect(verdict.layers[3].status).toBe('pass');
    expect(inner(t, /^\/auditLogs\/signIns$/).map((r) => r.status)).toEqual([429, 200]);
    expect(verdict.graph.roundTrips).toBe(3);
  });

  it('reports layer 4 unknown when sign-ins stay throttled after the retries', async () => {
    t = await sandboxGateway({ faults: { rules: [{ match: '^/auditLogs/signIns', status: 429, retryAfterSeconds: 0 }] } });
    const verdict = await t.diagnose('carol@contoso.com');
    expect(verdict.layers[3].status).toBe('unknown');
    expect(verdict.outcome).not.toBe('ready');
    expect(inner(t, /^\/auditLogs\/signIns$/)).toHaveLength(4);
  });

  it('degrades layer 4 to unknown in a tenant without the Entra ID P1 licence', async () => {
    t = await sandboxGateway({ licence: 'free' });
    const verdict = await t.diagnose('carol@contoso.com');
    expect(codes(verdict, 4)).toContain('L4.SIGNIN_LOGS_UNAVAILABLE');
    expect(verdict.layers[3].status).toBe('unknown');
    expect(verdict.outcome).toBe('incomplete');
  });

  it('names the missing permission when a read is refused with 403', async () => {
    t = await sandboxGateway({ faults: { rules: [{ match: '/authentication/methods$', status: 403 }] } });
    const verdict = await t.diagnose('carol@contoso.com');
    const gap = verdict.layers[2].findings.find((f) => f.code === 'GRAPH.PERMISSION_MISSING');
    expect(gap?.evidence?.permission).toBe('UserAuthenticationMethod.Read.All');
    expect(verdict.layers[2].status).toBe('unknown');
  });

  it('retries 5xx three times with backoff, then reports the layer unavailable', async () => {
    t = await sandboxGateway({ faults: { rules: [{ match: '^/auditLogs/directoryAudits', status: 503 }] } });
    const verdict = await t.diagnose('carol@contoso.com');
    expect(inner(t, /^\/auditLogs\/directoryAudits$/)).toHaveLength(4);
    expect(t.waits).toEqual([500, 1000, 2000]);
    expect(verdict.graph.requests).toBe(inner(t, /./).length);
    expect(verdict.outcome).not.toBe('ready');
  });

  it('answers user-not-found for a UPN the directory does not know', async () => {
    t = await sandboxGateway();
    const verdict = await t.diagnose('nobody@contoso.com');
    expect(verdict.outcome).toBe('user-not-found');
    expect(verdict.user).toBeNull();
    expect(codes(verdict, 1)).toEqual(['GRAPH.USER_NOT_FOUND']);
  });

  it("finds o'neil's sign-ins in the shared window, and doubles his apostrophe when they are read for him alone", async () => {
    t = await sandboxGateway();
    const verdict = await t.diagnose("o'neil@contoso.com");
    expect(inner(t, /^\/auditLogs\/signIns$/)[0].status).toBe(200);
    expect(codes(verdict, 4)).toContain('L4.MFA_RECENT');
    const alone = userSignInsRequest("O'Neil@contoso.com", Date.parse('2026-11-20T10:00:00Z'), 7);
    const query = new URLSearchParams(alone.url.split('?')[1]);
    expect(query.get('$filter')).toBe("userPrincipalName eq 'o''neil@contoso.com' and createdDateTime ge 2026-11-13T10:00:00Z");
    const response = await fetch(`${t.sandbox.url}/beta${alone.url.replace(/ge [^&]+/, `ge ${new Date(Date.now() - 86_400_000).toISOString().slice(0, 19)}Z`)}`);
    const body = (await response.json()) as { value: Array<{ userPrincipalName: string }> };
    expect(response.status).toBe(200);
    expect(body.value.length).toBeGreaterThan(0);
    expect(body.value.every((s) => s.userPrincipalName === "o'neil@contoso.com")).toBe(true);
  });

  it('percent-encodes the #EXT# of a guest UPN in paths', async () => {
    t = await sandboxGateway();
    const verdict = await t.diagnose('frank_fabrikam.com#EXT#@contoso.com');
    expect(verdict.user?.userType).toBe('Guest');
    expect(codes(verdict, 1)).toContain('L1.GUEST_USER');
    expect(inner(t, /^\/users\//)[0].path).toContain('%23EXT%23');
  });

  it('throws GRAPH_UNREACHABLE when nothing answers on the Graph host', async () => {
    t = await sandboxGateway();
    const url = t.sandbox.url;
    await t.close();
    t = { ...t, close: async () => undefined };
    const config = loadConfig({ GRAPH_BASE_URL: url });
    const gateway = new GraphGateway(createGraphClient(config.graph, url), new URL(url).host, {
      policyCacheSeconds: 0,
      signInLookbackDays: 7,
      retry: { backoffMs: [1], maxThrottleRetries: 0, maxRetryAfterMs: 1, sleep: async () => undefined },
    });
    await expect(gateway.gather('carol@contoso.com')).rejects.toMatchObject({ code: 'GRAPH_UNREACHABLE' });
  });
});
