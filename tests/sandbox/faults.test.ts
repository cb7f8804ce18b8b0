import { faultPlanFromEnv, startSandbox, type SandboxServer } from '../../src/sandbox';
import { batch, call, get, inner } from './sandboxHttp';

async function elapsedMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

describe('sandbox fault injection', () => {
  let sandbox: SandboxServer;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.setFaults({}));

  it('adds latency once per round trip, not per inner batch request', async () => {
    const latencyMs = 100;
    const requests = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: String(index), method: 'GET', url: '/users/carol@contoso.com' }));
    await batch(sandbox, requests(10));
    sandbox.setFaults({ latencyMs });

    const oneInnerMs = await elapsedMs(() => batch(sandbox, requests(1)));
    const tenInnerMs = await elapsedMs(() => batch(sandbox, requests(10)));
    const twoCallsMs = await elapsedMs(async () => {
      await get(sandbox, '/v1.0/users/carol@contoso.com');
      await get(sandbox, '/v1.0/users/alice@contoso.com');
    });

    expect(oneInnerMs).toBeGreaterThanOrEqual(latencyMs - 5);
    expect(tenInnerMs).toBeGreaterThanOrEqual(latencyMs - 5);
    // Per inner request it would be ten times the latency; a generous bound keeps a loaded CI machine from flaking.
    expect(tenInnerMs).toBeLessThan(4 * latencyMs);
    expect(twoCallsMs).toBeGreaterThanOrEqual(2 * latencyMs - 10);
  });

  it('answers a matching top-level request with a 403 in Graph’s permission shape', async () => {
    sandbox.setFaults({ rules: [{ match: '/authentication/methods$', status: 403 }] });

    const denied = await get(sandbox, '/v1.0/users/carol@contoso.com/authentication/methods');
    const other = await get(sandbox, '/v1.0/users/carol@contoso.com');

    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    expect(other.status).toBe(200);
  });

  it('matches rules by method and uses a given code and message', async () => {
    sandbox.setFaults({
      rules: [{ match: '^/users/', method: 'post', status: 503, code: 'serviceNotAvailable', message: 'Try later.', retryAfterSeconds: 2 }],
    });

    const response = await batch(sandbox, [
      { id: 'read', method: 'GET', url: '/users/carol@contoso.com' },
      { id: 'write', method: 'POST', url: '/users/carol@contoso.com/revokeSignInSessions' },
    ]);

    expect(inner(response, 'read').status).toBe(200);
    expect(inner(response, 'write')).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '2' },
      body: { error: { code: 'serviceNotAvailable', message: 'Try later.' } },
    });
  });

  it('can fail a whole $batch envelope', async () => {
    sandbox.setFaults({ rules: [{ match: '^/\\$batch$', status: 504, times: 1 }] });

    const failed = await batch(sandbox, [{ id: 'a', method: 'GET', url: '/users/carol@contoso.com' }]);
    const retried = await batch(sandbox, [{ id: 'a', method: 'GET', url: '/users/carol@contoso.com' }]);

    expect(failed.status).toBe(504);
    expect(retried.status).toBe(200);
  });

  it('takes a fault plan over HTTP and rejects a bad one', async () => {
    const accepted = await call(sandbox, 'POST', '/_sandbox/faults', {
      rules: [{ match: '^/policies/', status: 429, retryAfterSeconds: 0.5 }],
    });
    const throttled = await get(sandbox, '/v1.0/policies/authenticationMethodsPolicy');
    const rejected = await call(sandbox, 'POST', '/_sandbox/faults', { rules: [{ match: '(', status: 429 }] });

    expect(accepted.status).toBe(204);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('0.5');
    expect(throttled.body.error.message).toBe('Please retry again later.');
    expect(rejected.status).toBe(400);
  });

  it('does not serve the control endpoints under a version path', async () => {
    const response = await call(sandbox, 'POST', '/v1.0/_sandbox/faults', { latencyMs: 5 });

    expect(response.status).toBe(400);
  });

  it('reads latency and licence from the environment', async () => {
    expect(faultPlanFromEnv({ SANDBOX_LATENCY_MS: '40', SANDBOX_LICENCE: 'free' })).toEqual({ latencyMs: 40, licence: 'free' });
    expect(faultPlanFromEnv({})).toEqual({});
    expect(() => faultPlanFromEnv({ SANDBOX_LATENCY_MS: 'soon' })).toThrow(/SANDBOX_LATENCY_MS/);
    expect(() => faultPlanFromEnv({ SANDBOX_LICENCE: 'premium' })).toThrow(/SANDBOX_LICENCE/);

    const fromEnv = await startSandbox({ faults: faultPlanFromEnv({ SANDBOX_LICENCE: 'free' }) });
    try {
      expect((await get(fromEnv, '/beta/auditLogs/signIns')).status).toBe(403);
    } finally {
      await fromEnv.close();
    }
  });
});
