import { faultPlanFromEnv, startSandbox, type SandboxServer } from '../../src/sandbox';
import { batch, get } from './sandboxHttp';

const SIGN_INS = '/beta/auditLogs/signIns?$top=1';

describe("sandbox: Graph's identity-and-access reports quota", () => {
  let sandbox: SandboxServer;
  afterEach(() => sandbox?.close());

  it('answers the sixth reports request within 10 s with Graph’s 429 body and a Retry-After, and leaves other reads alone', async () => {
    sandbox = await startSandbox();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(sandbox, SIGN_INS)).status);
    const sixth = await get(sandbox, '/v1.0/auditLogs/directoryAudits?$top=1');
    const user = await get(sandbox, '/v1.0/users/carol@contoso.com');

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('TooManyRequests');
    expect(sixth.body.error.innerError.status).toBe('429');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(user.status).toBe(200);
  });

  it('counts every inner request of a $batch, each answered on its own', async () => {
    sandbox = await startSandbox();
    const requests = Array.from({ length: 7 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/auditLogs/signIns?$top=1' }));
    const response = await batch(sandbox, requests);
    const statuses = (response.body.responses as Array<{ id: string; status: number }>).sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it('admits again once the oldest request has left the window', async () => {
    sandbox = await startSandbox({ faults: { reportsQuota: { requests: 2, periodMs: 300 } } });
    await get(sandbox, SIGN_INS);
    await get(sandbox, SIGN_INS);
    const throttled = await get(sandbox, SIGN_INS);
    await new Promise((resolve) => setTimeout(resolve, Number(throttled.headers.get('retry-after')) * 1000 + 20));
    expect(throttled.status).toBe(429);
    expect((await get(sandbox, SIGN_INS)).status).toBe(200);
  });

  it('lifts the quota with SANDBOX_REPORTS_QUOTA=off and rejects a malformed value by name', async () => {
    sandbox = await startSandbox({ faults: faultPlanFromEnv({ SANDBOX_REPORTS_QUOTA: 'off' }) });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(sandbox, SIGN_INS)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(() => faultPlanFromEnv({ SANDBOX_REPORTS_QUOTA: 'five' })).toThrow(/SANDBOX_REPORTS_QUOTA/);
    expect(faultPlanFromEnv({ SANDBOX_REPORTS_QUOTA: '3/60' }).reportsQuota).toEqual({ requests: 3, periodMs: 60_000 });
  });
});
