import { inspect } from 'node:util';
import { setLogSink } from '../../src/logger';
import { GraphWrites } from '../../src/graph/writes';
import { SANDBOX_USERS } from '../../src/sandbox';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const alice = SANDBOX_USERS.noMfaMethod.id;
const oneil = SANDBOX_USERS.registeredPasskey.id;
const TAP_PATH = '/authentication/temporaryAccessPassMethods$';

describe('Graph writes against the sandbox tenant', () => {
  let t: SandboxGateway;
  let writes: GraphWrites;
  const fastRetry = (waits: number[]) => ({ backoffMs: [1, 1, 1], maxThrottleRetries: 2, maxRetryAfterMs: 60_000, sleep: async (ms: number) => void waits.push(ms) });
  let waits: number[];

  beforeEach(async () => {
    t = await sandboxGateway();
    waits = [];
    writes = new GraphWrites(t.gateway.transport, fastRetry(waits));
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates a pass by object id and holds the code where only reveal() gives it', async () => {
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    if (!created.ok) throw new Error(created.failure.message);
    const code = created.value.secret.reveal();

    expect(code).toMatch(/^\S{8}$/);
    expect(created.value.method).toMatchObject({ kind: 'temporaryAccessPass', lifetimeInMinutes: 60, isUsableOnce: true, isUsable: true });
    for (const text of [JSON.stringify(created.value), String(created.value.secret), `${created.value.secret}`, inspect(created.value, { depth: 5 })]) {
      expect(text).not.toContain(code);
    }
    expect(t.sandbox.requestLog.map((r) => `${r.method} ${r.version} ${r.path} ${r.status}`)).toEqual([`POST v1.0 /users/${alice}/authentication/temporaryAccessPassMethods 201`]);
  });

  it('lists the pass afterwards without its code', async () => {
    await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    const listed = await writes.listTemporaryAccessPasses(alice);
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ isUsable: true, methodUsabilityReason: 'EnabledByPolicy', lifetimeInMinutes: 60 })] });
  });

  it('maps a lifetime outside the policy range to a retryable failure quoting Graph', async () => {
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 30, isUsableOnce: true });
    expect(created).toEqual({
      ok: false,
      failure: expect.objectContaining({ code: 'TAP_LIFETIME_OUT_OF_RANGE', status: 400, graphCode: 'badRequest', message: expect.stringContaining('The valid range between 60 and 480.') }),
    });
  });

  it('maps the external-guest refusal to its own failure', async () => {
    const created = await writes.createTemporaryAccessPass(SANDBOX_USERS.guest.id, { lifetimeInMinutes: 60, isUsableOnce: true });
    expect(created).toEqual({ ok: false, failure: expect.objectContaining({ code: 'TAP_EXTERNAL_GUEST', message: expect.stringContaining('external guest') }) });
  });

  it('names the permission to grant on a 403, for each write', async () => {
    t.sandbox.setFaults({ rules: [{ match: '^/users/', status: 403 }] });
    const permissions = async () =>
      [
        await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true }),
        await writes.listTemporaryAccessPasses(alice),
        await writes.listPasskeys(oneil),
        await writes.deletePasskey(oneil, 'x'),
        await writes.revokeSignInSessions(alice),
      ].map((r) => (r.ok ? 'ok' : `${r.failure.code} ${r.failure.permission}`));
    expect(await permissions()).toEqual([
      'PERMISSION_MISSING UserAuthMethod-TAP.ReadWrite.All',
      'PERMISSION_MISSING UserAuthMethod-TAP.ReadWrite.All',
      'PERMISSION_MISSING UserAuthMethod-Passkey.ReadWrite.All',
      'PERMISSION_MISSING UserAuthMethod-Passkey.ReadWrite.All',
      'PERMISSION_MISSING User.RevokeSessions.All',
    ]);
  });

  it('waits for Retry-After on a 429 and then succeeds with one pass', async () => {
    t.sandbox.setFaults({ rules: [{ match: TAP_PATH, method: 'POST', status: 429, retryAfterSeconds: 2, times: 1 }] });
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    expect(created.ok).toBe(true);
    expect(waits).toEqual([2000]);
    expect(t.sandbox.requestLog.map((r) => r.status)).toEqual([429, 201]);
  });

  it('gives up on a persistent 429 with a clear message and Retry-After', async () => {
    t.sandbox.setFaults({ rules: [{ match: TAP_PATH, method: 'POST', status: 429, retryAfterSeconds: 45 }] });
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    expect(created).toEqual({ ok: false, failure: expect.objectContaining({ code: 'THROTTLED', retryAfterSeconds: 45, message: expect.stringMatching(/throttling.*nothing was changed.*45 seconds/) }) });
    expect(t.sandbox.requestLog).toHaveLength(3);
  });

  it('never retries a create after a server error: a second POST could make a second pass', async () => {
    t.sandbox.setFaults({ rules: [{ match: TAP_PATH, method: 'POST', status: 503, times: 1 }] });
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    expect(created).toEqual({ ok: false, failure: expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringContaining('approving again replaces it') }) });
    expect(t.sandbox.requestLog).toHaveLength(1);
  });

  it('retries a server error on an idempotent delete', async () => {
    const listed = await writes.listPasskeys(oneil);
    if (!listed.ok) throw new Error(listed.failure.message);
    t.sandbox.setFaults({ rules: [{ match: '/fido2Methods/', method: 'DELETE', status: 503, times: 1 }] });
    expect(await writes.deletePasskey(oneil, listed.value[0].id)).toEqual({ ok: true, value: undefined });
    expect(await writes.deletePasskey(oneil, listed.value[0].id)).toEqual({ ok: false, failure: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });

  it('lists passkeys with their authenticator details and percent-encodes ids in paths', async () => {
    const listed = await writes.listPasskeys(oneil);
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ kind: 'fido2', displayName: 'YubiKey 5 NFC', aaGuid: '2fc0579f-8113-47ea-b116-bb5a8db9202a', passkeyType: 'deviceBound' })] });
    t.sandbox.clearLog();
    await writes.deletePasskey(oneil, 'a/b#c d');
    expect(t.sandbox.requestLog[0].path).toBe(`/users/${oneil}/authentication/fido2Methods/a%2Fb%23c%20d`);
  });

  it('revokes sign-in sessions', async () => {
    expect(await writes.revokeSignInSessions(alice)).toEqual({ ok: true, value: undefined });
  });

  it('reports an unreachable Graph as a failure, not an exception', async () => {
    await t.sandbox.close();
    const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
    expect(created).toEqual({ ok: false, failure: expect.objectContaining({ code: 'UNAVAILABLE', status: 0 }) });
    t = await sandboxGateway();
  });

  it('logs status and Graph error codes only, never a response body', async () => {
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'debug';
    try {
      const created = await writes.createTemporaryAccessPass(alice, { lifetimeInMinutes: 60, isUsableOnce: true });
      if (!created.ok) throw new Error(created.failure.message);
      expect(lines.join('\n')).not.toContain(created.value.secret.reveal());
      expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ msg: 'graph write', operation: 'createTap', status: 201 })]);
    } finally {
      setLogSink(previous);
      process.env.LOG_LEVEL = level;
    }
  });
});
