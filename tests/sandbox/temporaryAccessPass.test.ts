import { startSandbox, SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';
import { call, filter, get } from './sandboxHttp';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const tapPath = (user: string) => `/v1.0/users/${encodeURIComponent(user)}/authentication/temporaryAccessPassMethods`;

describe('sandbox Temporary Access Pass and method removal', () => {
  let sandbox: SandboxServer;

  beforeEach(async () => {
    sandbox = await startSandbox({ now: () => NOW });
  });
  afterEach(() => sandbox.close());

  it('creates a one-time pass with the policy defaults and shows the code only in the 201 answer', async () => {
    const created = await call(sandbox, 'POST', tapPath('alice@contoso.com'), {});
    const listed = await get(sandbox, tapPath('alice@contoso.com'));
    const methods = await get(sandbox, `/v1.0/users/${SANDBOX_USERS.noMfaMethod.id}/authentication/methods`);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      temporaryAccessPass: expect.stringMatching(/^\S{8}$/),
      createdDateTime: NOW.toISOString(),
      startDateTime: NOW.toISOString(),
      lifetimeInMinutes: 60,
      isUsableOnce: true,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    expect(listed.body.value).toEqual([expect.objectContaining({ id: created.body.id, temporaryAccessPass: null, isUsable: true })]);
    expect(JSON.stringify(methods.body)).not.toContain(created.body.temporaryAccessPass);
    const stored = { methods: [...sandbox.tenant.authenticationMethods.values()], audits: sandbox.tenant.directoryAudits };
    expect(JSON.stringify(stored)).not.toContain(created.body.temporaryAccessPass);
  });

  it('rejects a lifetime outside the policy range with Graph’s message', async () => {
    const tooShort = await call(sandbox, 'POST', tapPath('alice@contoso.com'), { lifetimeInMinutes: 30 });
    const tooLong = await call(sandbox, 'POST', tapPath('alice@contoso.com'), { lifetimeInMinutes: 481 });
    const longest = await call(sandbox, 'POST', tapPath('alice@contoso.com'), { lifetimeInMinutes: 480 });

    for (const response of [tooShort, tooLong]) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'badRequest',
        message: 'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.',
      });
    }
    expect(longest.status).toBe(201);
  });

  it('refuses a pass for an external guest', async () => {
    const response = await call(sandbox, 'POST', tapPath('frank_fabrikam.com#EXT#@contoso.com'), {});

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('Temporary Access Pass cannot be added to an external guest user.');
  });

  it('replaces an existing pass instead of adding a second', async () => {
    const first = await call(sandbox, 'POST', tapPath('alice@contoso.com'), {});
    const second = await call(sandbox, 'POST', tapPath('alice@contoso.com'), { lifetimeInMinutes: 120 });
    const listed = await get(sandbox, tapPath('alice@contoso.com'));

    expect(second.body.id).not.toBe(first.body.id);
    expect(listed.body.value).toEqual([expect.objectContaining({ id: second.body.id, lifetimeInMinutes: 120 })]);
  });

  it('reports a pass that starts later as not yet valid', async () => {
    const start = new Date(NOW.getTime() + 3_600_000).toISOString();
    const created = await call(sandbox, 'POST', tapPath('alice@contoso.com'), { startDateTime: start });

    expect(created.body).toMatchObject({ startDateTime: start, isUsable: false, methodUsabilityReason: 'NotYetValid' });
  });

  it('deletes a pass and a passkey with 204 and logs the deletion as Entra does', async () => {
    const created = await call(sandbox, 'POST', tapPath('alice@contoso.com'), {});
    const deletedTap = await call(sandbox, 'DELETE', `${tapPath('alice@contoso.com')}/${created.body.id}`);
    const passkeys = await get(sandbox, `/v1.0/users/${SANDBOX_USERS.registeredPasskey.id}/authentication/fido2Methods`);
    const passkeyId = passkeys.body.value[0].id;
    const passkeyPath = `/v1.0/users/${SANDBOX_USERS.registeredPasskey.id}/authentication/fido2Methods/${passkeyId}`;

    const deletedPasskey = await call(sandbox, 'DELETE', passkeyPath);
    const again = await call(sandbox, 'DELETE', passkeyPath);
    const audits = await get(
      sandbox,
      `/v1.0/auditLogs/directoryAudits?${filter(`targetResources/any(t: t/id eq '${SANDBOX_USERS.registeredPasskey.id}') and activityDateTime ge ${NOW.toISOString()}`)}`,
    );

    expect(deletedTap.status).toBe(204);
    expect((await get(sandbox, tapPath('alice@contoso.com'))).body.value).toEqual([]);
    expect(deletedPasskey.status).toBe(204);
    expect(again.status).toBe(404);
    expect(audits.body.value).toEqual([
      expect.objectContaining({
        activityDisplayName: 'Admin deleted security info',
        resultReason: 'Admin deleted Fido2 Authentication Method for user',
        loggedByService: 'Authentication Methods',
      }),
    ]);
  });
});
