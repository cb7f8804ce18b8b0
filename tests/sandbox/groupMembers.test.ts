import { SANDBOX_GROUPS, startSandbox, type SandboxServer } from '../../src/sandbox';
import { call } from './sandboxHttp';

describe('sandbox: groups nested in a group', () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const nestedIn = (groupId: string, query = '$count=true&$select=id,displayName', headers: Record<string, string> = { ConsistencyLevel: 'eventual' }) =>
    call(sandbox, 'GET', `/v1.0/groups/${groupId}/transitiveMembers/microsoft.graph.group?${query}`, undefined, headers);

  it('lists the groups nested at any depth inside a group', async () => {
    const response = await nestedIn(SANDBOX_GROUPS.passkeyExclusions);
    expect(response.status).toBe(200);
    expect(response.body.value).toEqual([{ '@odata.type': '#microsoft.graph.group', id: SANDBOX_GROUPS.breakGlass, displayName: 'Break-glass accounts' }]);
    expect(response.body['@odata.count']).toBe(1);
  });

  it('refuses the cast without ConsistencyLevel: eventual and $count=true, like Graph', async () => {
    expect((await nestedIn(SANDBOX_GROUPS.passkeyExclusions, '$count=true', {})).status).toBe(400);
    expect((await nestedIn(SANDBOX_GROUPS.passkeyExclusions, '$select=id')).status).toBe(400);
  });

  it('answers 404 for a group that does not exist', async () => {
    const response = await nestedIn('00000000-0000-4000-8000-00000000dead');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('Request_ResourceNotFound');
  });
});
