import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { startSandbox, SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';

describe('sandbox with the Microsoft Graph JavaScript client', () => {
  let sandbox: SandboxServer;
  let client: Client;

  beforeAll(async () => {
    sandbox = await startSandbox();
    client = Client.initWithMiddleware({
      baseUrl: sandbox.url,
      defaultVersion: 'beta',
      authProvider: { getAccessToken: async () => '' },
    });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.setFaults({});
    sandbox.clearLog();
  });

  it('reads a user through the client with $select', async () => {
    const user = await client
      .api(`/users/${encodeURIComponent('frank_fabrikam.com#EXT#@contoso.com')}`)
      .select(['id', 'userType', 'accountEnabled'])
      .get();

    expect(user).toMatchObject({ id: SANDBOX_USERS.guest.id, userType: 'Guest', accountEnabled: true });
  });

  it('surfaces a Graph error with its status and code', async () => {
    const failure = await client.api('/users/nobody@contoso.com').get().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' });
  });

  it('posts a $batch through the client and gets every inner response back', async () => {
    const upn = encodeURIComponent("o'neil@contoso.com");
    const literal = "o''neil@contoso.com";
    const response = await client.api('/$batch').post({
      requests: [
        { id: 'user', method: 'GET', url: `/users/${upn}?$select=id,userPrincipalName,displayName,userType,accountEnabled,mail` },
        { id: 'methods', method: 'GET', url: `/users/${upn}/authentication/methods` },
        {
          id: 'signIns',
          method: 'GET',
          url: `/auditLogs/signIns?$filter=${encodeURIComponent(`userPrincipalName eq '${literal}'`)}&$top=50`,
        },
      ],
    });

    expect(response.responses.map((item: { status: number }) => item.status)).toEqual([200, 200, 200]);
    expect(sandbox.requestLog.filter((entry) => !entry.inner)).toHaveLength(1);
    expect(sandbox.requestLog.filter((entry) => entry.inner)).toHaveLength(3);
  });

  it('lets the client’s retry handler honour a top-level Retry-After', async () => {
    sandbox.setFaults({ rules: [{ match: '^/policies/', status: 429, times: 1, retryAfterSeconds: 0.05 }] });

    const policy = await client.api('/policies/identitySecurityDefaultsEnforcementPolicy').get();

    expect(policy.isEnabled).toBe(false);
    expect(sandbox.requestLog.map((entry) => entry.status)).toEqual([429, 200]);
  });
});
