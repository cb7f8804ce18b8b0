import { startSandbox, SANDBOX_GROUPS, type SandboxServer } from '../../src/sandbox';
import { batch, call, inner, jsonRequest, type InnerRequest } from './sandboxHttp';

describe('sandbox $batch', () => {
  let sandbox: SandboxServer;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.setFaults({});
    sandbox.clearLog();
  });

  it('answers every inner request by id with its own status, headers and body', async () => {
    const response = await batch(sandbox, [
      { id: 'user', method: 'GET', url: '/users/carol@contoso.com?$select=id,displayName' },
      { id: 'missing', method: 'GET', url: '/users/nobody@contoso.com' },
    ]);

    expect(response.status).toBe(200);
    expect(inner(response, 'user')).toMatchObject({ status: 200, body: { displayName: 'Carol Baker' } });
    expect(inner(response, 'user').headers['Content-Type']).toMatch(/^application\/json/);
    expect(inner(response, 'missing')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
  });

  it('runs a dependant after its dependency and answers 424 when the dependency failed', async () => {
    const response = await batch(sandbox, [
      { id: 'afterGood', method: 'GET', url: '/users/dave@contoso.com', dependsOn: ['good'] },
      { id: 'afterBad', method: 'GET', url: '/users/carol@contoso.com', dependsOn: ['bad'] },
      { id: 'bad', method: 'GET', url: '/users/nobody@contoso.com' },
      { id: 'good', method: 'GET', url: '/users/alice@contoso.com' },
    ]);

    expect(inner(response, 'afterBad').status).toBe(424);
    expect(inner(response, 'afterBad').body.error.code).toBe('FailedDependency');
    expect(inner(response, 'afterGood').status).toBe(200);
    expect(response.body.responses.map((item: { id: string }) => item.id)).toEqual(['afterGood', 'afterBad', 'bad', 'good']);
    const innerPaths = sandbox.requestLog.filter((entry) => entry.inner).map((entry) => entry.path);
    expect(innerPaths.indexOf('/users/dave@contoso.com')).toBeGreaterThan(innerPaths.indexOf('/users/alice@contoso.com'));
  });

  it('rejects a batch of more than 20 requests as a whole', async () => {
    const requests: InnerRequest[] = Array.from({ length: 21 }, (_, index) => ({
      id: String(index),
      method: 'GET',
      url: '/users/carol@contoso.com',
    }));

    const response = await batch(sandbox, requests);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
    expect(sandbox.requestLog.filter((entry) => entry.inner)).toHaveLength(0);
  });

  it('accepts exactly 20 requests', async () => {
    const requests: InnerRequest[] = Array.from({ length: 20 }, (_, index) => ({
      id: String(index),
      method: 'GET',
      url: '/users/carol@contoso.com',
    }));

    const response = await batch(sandbox, requests);

    expect(response.status).toBe(200);
    expect(response.body.responses).toHaveLength(20);
  });

  it('rejects duplicate ids, unknown dependencies and a body without Content-Type', async () => {
    const duplicate = await batch(sandbox, [
      { id: 'a', method: 'GET', url: '/users/carol@contoso.com' },
      { id: 'a', method: 'GET', url: '/users/alice@contoso.com' },
    ]);
    const unknownDependency = await batch(sandbox, [
      { id: 'a', method: 'GET', url: '/users/carol@contoso.com', dependsOn: ['zzz'] },
    ]);
    const noContentType = await batch(sandbox, [
      { id: 'groups', method: 'POST', url: '/users/carol@contoso.com/checkMemberGroups', body: { groupIds: [] } },
    ]);

    expect(duplicate.status).toBe(400);
    expect(unknownDependency.status).toBe(400);
    expect(noContentType.status).toBe(400);
    expect(noContentType.body.error.message).toBe('Write request id : groups does not contain Content-Type header or body.');
  });

  it('rejects a payload without a requests array', async () => {
    const response = await call(sandbox, 'POST', '/v1.0/$batch', { calls: [] });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'BadRequest', message: 'Invalid batch payload format.' });
  });

  it('treats inner URLs as relative to the version root, with or without a leading slash', async () => {
    const response = await batch(sandbox, [
      { id: 'slash', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
      { id: 'bare', method: 'GET', url: 'policies/identitySecurityDefaultsEnforcementPolicy' },
      { id: 'versioned', method: 'GET', url: '/v1.0/policies/identitySecurityDefaultsEnforcementPolicy' },
    ]);

    expect(inner(response, 'slash').status).toBe(200);
    expect(inner(response, 'bare').status).toBe(200);
    expect(inner(response, 'versioned').status).toBe(400);
  });

  it('throttles only the inner request a 429 rule matches, with its own Retry-After', async () => {
    sandbox.setFaults({ rules: [{ match: '^/auditLogs/signIns', status: 429, retryAfterSeconds: 0.05 }] });

    const response = await batch(sandbox, [
      { id: 'signIns', method: 'GET', url: '/auditLogs/signIns?$top=5' },
      { id: 'user', method: 'GET', url: '/users/carol@contoso.com' },
      jsonRequest('groups', '/users/carol@contoso.com/checkMemberGroups', { groupIds: [SANDBOX_GROUPS.passkeyPilot] }),
    ]);

    expect(response.status).toBe(200);
    const throttled = inner(response, 'signIns');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['Retry-After']).toBe('0.05');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    expect(throttled.body.error.innerError).toMatchObject({ code: '429', status: '429' });
    expect(inner(response, 'user').status).toBe(200);
    expect(inner(response, 'groups').body.value).toEqual([SANDBOX_GROUPS.passkeyPilot]);
  });

  it('stops a fault rule after its times, so a retry of the throttled request succeeds', async () => {
    sandbox.setFaults({ rules: [{ match: '^/auditLogs/signIns', status: 429, times: 1, retryAfterSeconds: 1 }] });
    const request = { id: 'signIns', method: 'GET', url: '/auditLogs/signIns?$top=1' };

    const first = await batch(sandbox, [request]);
    const retry = await batch(sandbox, [request]);

    expect(inner(first, 'signIns').status).toBe(429);
    expect(inner(retry, 'signIns').status).toBe(200);
  });

  it('logs the envelope once and every inner request, so round trips and requests can be counted', async () => {
    await batch(sandbox, [
      { id: 'a', method: 'GET', url: '/users/carol@contoso.com' },
      { id: 'b', method: 'GET', url: '/users/carol@contoso.com/authentication/methods' },
    ]);

    expect(sandbox.requestLog.filter((entry) => !entry.inner)).toEqual([
      { method: 'POST', path: '/$batch', query: '', version: 'beta', inner: false, status: 200 },
    ]);
    expect(sandbox.requestLog.filter((entry) => entry.inner).map((entry) => entry.path)).toEqual([
      '/users/carol@contoso.com',
      '/users/carol@contoso.com/authentication/methods',
    ]);
  });
});
