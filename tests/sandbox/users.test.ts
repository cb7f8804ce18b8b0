import { startSandbox, SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';
import { batch, call, get, inner, rawGet } from './sandboxHttp';

describe('sandbox users', () => {
  let sandbox: SandboxServer;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('finds a guest by a UPN whose # is percent-encoded', async () => {
    const response = await get(
      sandbox,
      '/v1.0/users/frank_fabrikam.com%23EXT%23%40contoso.com?$select=id,userPrincipalName,userType,mail',
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: SANDBOX_USERS.guest.id,
      userPrincipalName: 'frank_fabrikam.com#EXT#@contoso.com',
      userType: 'Guest',
      mail: 'frank@fabrikam.com',
    });
  });

  it('treats a raw # on the wire as the start of a fragment, so the truncated UPN is not found', async () => {
    const response = await rawGet(sandbox, '/v1.0/users/frank_fabrikam.com#EXT#@contoso.com');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
    expect(response.body.error.message).toBe(
      "Resource 'frank_fabrikam.com' does not exist or one of its queried reference-property objects are not present.",
    );
  });

  it('truncates an inner batch URL at a raw # too', async () => {
    const response = await batch(sandbox, [
      { id: 'raw', method: 'GET', url: '/users/frank_fabrikam.com#EXT#@contoso.com' },
      { id: 'encoded', method: 'GET', url: `/users/${encodeURIComponent('frank_fabrikam.com#EXT#@contoso.com')}` },
    ]);

    expect(inner(response, 'raw').status).toBe(404);
    expect(inner(response, 'encoded').status).toBe(200);
  });

  it('answers an unknown user with Graph’s 404 body, including innerError ids', async () => {
    const response = await call(sandbox, 'GET', '/beta/users/nobody%40contoso.com', undefined, {
      'client-request-id': 'c0ffee00-0000-4000-8000-000000000001',
    });

    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.",
    );
    expect(response.body.error.innerError).toMatchObject({
      'client-request-id': 'c0ffee00-0000-4000-8000-000000000001',
      'request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
    });
    expect(response.headers.get('request-id')).toBe(response.body.error.innerError['request-id']);
  });

  it('matches a UPN case-insensitively and a user by object id', async () => {
    const byUpn = await get(sandbox, '/v1.0/users/Carol%40Contoso.com?$select=id');
    const byId = await get(sandbox, `/v1.0/users/${SANDBOX_USERS.ready.id.toUpperCase()}?$select=userPrincipalName`);

    expect(byUpn.body.id).toBe(SANDBOX_USERS.ready.id);
    expect(byId.body.userPrincipalName).toBe('carol@contoso.com');
  });

  it('finds a UPN with an apostrophe', async () => {
    const response = await get(sandbox, `/v1.0/users/${encodeURIComponent("o'neil@contoso.com")}?$select=displayName`);

    expect(response.body).toEqual({
      '@odata.context': `${sandbox.url}/v1.0/$metadata#users(displayName)/$entity`,
      displayName: "Liam O'Neil",
    });
  });

  it('returns only the default properties on v1.0 without $select, and accountEnabled when selected', async () => {
    const plain = await get(sandbox, '/v1.0/users/ivan@contoso.com');
    const selected = await get(sandbox, '/v1.0/users/ivan@contoso.com?$select=id,accountEnabled,userType');

    expect(plain.body).not.toHaveProperty('accountEnabled');
    expect(plain.body).toHaveProperty('businessPhones');
    expect(selected.body).toMatchObject({ accountEnabled: false, userType: 'Member' });
  });

  it('rejects $select of a property users do not have', async () => {
    const response = await get(sandbox, '/v1.0/users/carol@contoso.com?$select=id,favouriteColour');

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe("Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'.");
  });

  it('answers unknown segments, wrong methods and unknown versions with Graph errors', async () => {
    const segment = await get(sandbox, '/v1.0/users/carol@contoso.com/favouriteThings');
    const method = await call(sandbox, 'DELETE', '/v1.0/users/carol@contoso.com/authentication/methods');
    const version = await get(sandbox, '/v2.0/users/carol@contoso.com');

    expect(segment.status).toBe(400);
    expect(segment.body.error).toMatchObject({ code: 'BadRequest', message: "Resource not found for the segment 'favouriteThings'." });
    expect(method.status).toBe(405);
    expect(version.status).toBe(400);
    expect(version.body.error).toMatchObject({ code: 'BadRequest', message: 'Invalid version.' });
  });

  it('lists a user’s methods with their Graph types, and typed collections without them', async () => {
    const methods = await get(sandbox, `/v1.0/users/${SANDBOX_USERS.registeredPasskey.id}/authentication/methods`);
    const fido2 = await get(sandbox, `/v1.0/users/${SANDBOX_USERS.registeredPasskey.id}/authentication/fido2Methods`);

    expect(methods.body.value.map((method: { '@odata.type': string }) => method['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      '#microsoft.graph.fido2AuthenticationMethod',
    ]);
    expect(fido2.body.value).toEqual([
      expect.objectContaining({
        aaGuid: '2fc0579f-8113-47ea-b116-bb5a8db9202a',
        passkeyType: 'deviceBound',
        attestationLevel: 'attested',
        createdDateTime: expect.stringMatching(/Z$/),
      }),
    ]);
    expect(fido2.body.value[0]).not.toHaveProperty('@odata.type');
  });

  it('revokes sign-in sessions with Graph’s Edm.Boolean answer', async () => {
    const response = await call(sandbox, 'POST', `/v1.0/users/${SANDBOX_USERS.mfaStale.id}/revokeSignInSessions`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ '@odata.context': `${sandbox.url}/v1.0/$metadata#Edm.Boolean`, value: true });
  });
});
