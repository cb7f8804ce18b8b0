import { startSandbox, SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';
import { batch, call, filter, get, inner } from './sandboxHttp';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('sandbox sign-in and audit logs', () => {
  let sandbox: SandboxServer;

  beforeAll(async () => {
    // These read the logs directly, many times over: the reports quota has its own tests.
    sandbox = await startSandbox({ now: () => NOW, faults: { reportsQuota: 'off' } });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.setLicence('P1'));

  it('resolves relative fixture times against the server clock', async () => {
    const response = await get(sandbox, `/beta/auditLogs/signIns?${filter("userPrincipalName eq 'carol@contoso.com'")}`);

    expect(response.body.value[0].createdDateTime).toBe(minutesAgo(2));
    expect(response.body.value[0].authenticationDetails[1].authenticationStepDateTime).toBe(minutesAgo(2));
  });

  it('filters by UPN with a doubled apostrophe', async () => {
    const response = await get(sandbox, `/beta/auditLogs/signIns?${filter("userPrincipalName eq 'o''neil@contoso.com'")}`);

    expect(response.status).toBe(200);
    expect(response.body.value).toHaveLength(1);
    expect(response.body.value[0].userId).toBe(SANDBOX_USERS.registeredPasskey.id);
  });

  it('rejects a literal whose apostrophe is not doubled', async () => {
    const response = await get(sandbox, `/beta/auditLogs/signIns?${filter("userPrincipalName eq 'o'neil@contoso.com'")}`);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('BadRequest');
  });

  it('rejects unsupported properties, operators and quoted dates as an invalid filter clause', async () => {
    const unsupportedProperty = await get(sandbox, `/beta/auditLogs/signIns?${filter("favouriteColour eq 'blue'")}`);
    const unsupportedOperator = await get(sandbox, `/beta/auditLogs/signIns?${filter("userId ge 'a'")}`);
    const quotedDate = await get(sandbox, `/beta/auditLogs/signIns?${filter(`createdDateTime ge '${minutesAgo(60)}'`)}`);

    for (const response of [unsupportedProperty, unsupportedOperator, quotedDate]) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'BadRequest', message: 'Invalid filter clause' });
    }
  });

  it('combines clauses with and, newest first, honouring $top with a nextLink', async () => {
    const expression = `userId eq '${SANDBOX_USERS.mfaStale.id}' and createdDateTime ge ${minutesAgo(7 * 24 * 60)}`;
    const all = await get(sandbox, `/beta/auditLogs/signIns?${filter(expression)}`);
    const top = await get(sandbox, `/beta/auditLogs/signIns?${filter(expression)}&$top=1`);
    const recent = await get(sandbox, `/beta/auditLogs/signIns?${filter(`userId eq '${SANDBOX_USERS.mfaStale.id}' and createdDateTime ge ${minutesAgo(60)}`)}`);

    expect(all.body.value.map((signIn: { createdDateTime: string }) => signIn.createdDateTime)).toEqual([
      minutesAgo(25),
      minutesAgo(180),
    ]);
    expect(top.body.value).toHaveLength(1);
    expect(top.body['@odata.nextLink']).toContain('$skiptoken=');
    expect(recent.body.value).toHaveLength(1);
  });

  it('sends MFA details on beta only', async () => {
    const path = `/auditLogs/signIns?${filter(`userId eq '${SANDBOX_USERS.ready.id}'`)}&$top=1`;
    const beta = await get(sandbox, `/beta${path}`);
    const v1 = await get(sandbox, `/v1.0${path}`);

    expect(beta.body.value[0]).toMatchObject({
      authenticationRequirement: 'multiFactorAuthentication',
      signInEventTypes: ['interactiveUser'],
      deviceDetail: { operatingSystem: 'iOS 17.2', browser: 'Mobile Safari 17.2' },
    });
    expect(beta.body.value[0].authenticationDetails).toHaveLength(2);
    expect(v1.body.value[0]).not.toHaveProperty('authenticationDetails');
    expect(v1.body.value[0]).not.toHaveProperty('authenticationRequirement');
    expect(v1.body.value[0]).not.toHaveProperty('signInEventTypes');
    expect(v1.body.value[0].id).toBe(beta.body.value[0].id);
  });

  it('logs guests under their lower-case home UPN', async () => {
    const byId = await get(sandbox, `/beta/auditLogs/signIns?${filter(`userId eq '${SANDBOX_USERS.guest.id}'`)}`);

    expect(byId.body.value[0].userPrincipalName).toBe('frank@fabrikam.com');
  });

  it('answers 403 with the licence error when the tenant has no Entra ID P1', async () => {
    sandbox.setLicence('free');

    const response = await batch(sandbox, [
      { id: 'signIns', method: 'GET', url: '/auditLogs/signIns?$top=1' },
      { id: 'audits', method: 'GET', url: '/auditLogs/directoryAudits?$top=1' },
    ]);

    expect(inner(response, 'signIns').status).toBe(403);
    expect(inner(response, 'signIns').body.error).toMatchObject({
      code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      message: "Neither tenant is B2C or tenant doesn't have premium license",
    });
    expect(inner(response, 'audits').status).toBe(200);
  });

  it('switches the licence over HTTP for out-of-process callers', async () => {
    const switched = await call(sandbox, 'POST', '/_sandbox/licence', { licence: 'free' });
    const denied = await get(sandbox, '/beta/auditLogs/signIns');
    await call(sandbox, 'POST', '/_sandbox/licence', { licence: 'P1' });
    const allowed = await get(sandbox, '/beta/auditLogs/signIns');

    expect(switched.status).toBe(204);
    expect(denied.status).toBe(403);
    expect(allowed.status).toBe(200);
  });

  it('filters directory audits the way the per-user request plan asks', async () => {
    const expression =
      `loggedByService eq 'Authentication Methods' and activityDateTime ge ${minutesAgo(7 * 24 * 60)}` +
      " and initiatedBy/user/userPrincipalName eq 'erin@contoso.com'";
    const response = await get(sandbox, `/beta/auditLogs/directoryAudits?${filter(expression)}&$top=100`);

    expect(response.body.value.map((audit: { activityDisplayName: string }) => audit.activityDisplayName)).toEqual([
      'User registered security info',
      'User started security info registration',
    ]);
    expect(response.body.value[0]).toMatchObject({
      activityDateTime: minutesAgo(10),
      result: 'failure',
      initiatedBy: { user: { id: SANDBOX_USERS.authenticatorBlocked.id, userPrincipalName: 'erin@contoso.com' } },
      additionalDetails: expect.arrayContaining([{ key: 'AAGUID', value: 'de1e552d-db1d-4423-a619-566b625cdc84' }]),
    });
  });

  it('filters directory audits by result and by a target in a lambda', async () => {
    const failures = await get(sandbox, `/v1.0/auditLogs/directoryAudits?${filter("result eq 'failure'")}`);
    const targeted = await get(
      sandbox,
      `/v1.0/auditLogs/directoryAudits?${filter(`targetResources/any(t: t/id eq '${SANDBOX_USERS.registeredPasskey.id}')`)}`,
    );

    expect(failures.body.value.map((audit: { initiatedBy: { user: { userPrincipalName: string } } }) => audit.initiatedBy.user.userPrincipalName)).toEqual([
      'erin@contoso.com',
      'maria@contoso.com',
    ]);
    expect(targeted.body.value.map((audit: { loggedByService: string }) => audit.loggedByService).sort()).toEqual([
      'Authentication Methods',
      'Device Registration Service',
    ]);
  });
});
