import { loadFixture, startSandbox, SANDBOX_GROUPS, SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';
import { call, get } from './sandboxHttp';

const GROUP_COUNT = 120;

function fixtureWithManyGroups() {
  const fixture = loadFixture();
  for (let index = 0; index < GROUP_COUNT; index += 1) {
    fixture.groups.push({
      id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      displayName: `Project ${index}`,
      members: ['carol@contoso.com'],
    });
  }
  return fixture;
}

describe('sandbox memberships', () => {
  let sandbox: SandboxServer;
  let crowded: SandboxServer;
  /** Carol's direct groups in the stock fixture: Passkey Pilot and All Staff. */
  const carolStockGroups = 2;

  beforeAll(async () => {
    sandbox = await startSandbox();
    crowded = await startSandbox({ fixture: fixtureWithManyGroups() });
  });
  afterAll(async () => {
    await sandbox.close();
    await crowded.close();
  });

  it('pages memberOf 100 at a time and follows @odata.nextLink to the rest', async () => {
    const first = await get(crowded, '/v1.0/users/carol@contoso.com/memberOf?$select=id');
    expect(first.body.value).toHaveLength(100);
    expect(first.body['@odata.nextLink']).toMatch(new RegExp(`^${crowded.url}/v1\\.0/users/carol@contoso\\.com/memberOf\\?\\$select=id&\\$skiptoken=`));

    const second = await get(crowded, first.body['@odata.nextLink'].slice(crowded.url.length));
    expect(second.body.value).toHaveLength(GROUP_COUNT + carolStockGroups - 100);
    expect(second.body).not.toHaveProperty('@odata.nextLink');

    const ids = [...first.body.value, ...second.body.value].map((group: { id: string }) => group.id);
    expect(new Set(ids).size).toBe(GROUP_COUNT + carolStockGroups);
    expect(second.body.value[0]).toEqual({ '@odata.type': '#microsoft.graph.group', id: expect.any(String) });
  });

  it('returns up to 999 per page with $top and rejects 1000', async () => {
    const all = await get(crowded, '/v1.0/users/carol@contoso.com/memberOf?$select=id,roleTemplateId&$top=999');
    const tooMany = await get(crowded, '/v1.0/users/carol@contoso.com/memberOf?$top=1000');

    expect(all.body.value).toHaveLength(GROUP_COUNT + carolStockGroups);
    expect(all.body).not.toHaveProperty('@odata.nextLink');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('Request_BadRequest');
  });

  it('lists direct groups and directory roles in memberOf, nested groups only in transitiveMemberOf', async () => {
    const direct = await get(sandbox, '/v1.0/users/bob@contoso.com/memberOf?$select=id,roleTemplateId');
    const transitive = await get(sandbox, '/v1.0/users/bob@contoso.com/transitiveMemberOf?$select=id,displayName');

    const directIds = direct.body.value.map((item: { id: string }) => item.id);
    expect(directIds).toContain(SANDBOX_GROUPS.breakGlass);
    expect(directIds).not.toContain(SANDBOX_GROUPS.passkeyExclusions);
    expect(direct.body.value).toContainEqual({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: expect.any(String),
      roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
    });
    expect(transitive.body.value.map((item: { id: string }) => item.id)).toContain(SANDBOX_GROUPS.passkeyExclusions);
  });

  it('checks membership transitively, returning only the ids the user is in', async () => {
    const response = await call(sandbox, 'POST', `/v1.0/users/${SANDBOX_USERS.nestedGroup.id}/checkMemberGroups`, {
      groupIds: [SANDBOX_GROUPS.passkeyPilot, SANDBOX_GROUPS.securityKeysOnly, SANDBOX_GROUPS.pilotFinance],
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      '@odata.context': `${sandbox.url}/v1.0/$metadata#Collection(Edm.String)`,
      value: [SANDBOX_GROUPS.passkeyPilot, SANDBOX_GROUPS.pilotFinance],
    });
  });

  it('finds an exclusion reached through two levels of nesting', async () => {
    const response = await call(sandbox, 'POST', '/v1.0/users/bob@contoso.com/checkMemberGroups', {
      groupIds: [SANDBOX_GROUPS.passkeyExclusions],
    });

    expect(response.body.value).toEqual([SANDBOX_GROUPS.passkeyExclusions]);
  });

  it('rejects all_users and other non-GUID ids with 400', async () => {
    const response = await call(sandbox, 'POST', '/v1.0/users/carol@contoso.com/checkMemberGroups', {
      groupIds: [SANDBOX_GROUPS.passkeyPilot, 'all_users'],
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'Request_BadRequest', message: "Invalid object identifier 'all_users'." });
  });

  it('rejects more than 20 group ids', async () => {
    const groupIds = Array.from({ length: 21 }, (_, index) => `20000000-0000-4000-8000-${String(index).padStart(12, '0')}`);

    const response = await call(sandbox, 'POST', '/v1.0/users/carol@contoso.com/checkMemberGroups', { groupIds });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('Request_BadRequest');
  });

  it('returns only existing objects of the requested types from getByIds', async () => {
    const dangling = '30000000-0000-4000-8000-000000000000';
    const response = await call(sandbox, 'POST', '/v1.0/directoryObjects/getByIds', {
      ids: [SANDBOX_GROUPS.passkeyPilot, dangling, SANDBOX_USERS.ready.id],
      types: ['group'],
    });

    expect(response.status).toBe(200);
    expect(response.body.value).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.group', id: SANDBOX_GROUPS.passkeyPilot, displayName: 'Passkey Pilot' }),
    ]);
  });
});
