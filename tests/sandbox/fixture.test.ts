import { loadFixture, startSandbox, SANDBOX_GROUPS, SANDBOX_USERS } from '../../src/sandbox';
import { resolveTime } from '../../src/sandbox/relativeTime';

describe('sandbox fixture', () => {
  it('loads the Contoso tenant with the users and groups the directory metadata names', () => {
    const fixture = loadFixture();
    const userIds = new Map(fixture.users.map((user) => [user.userPrincipalName, user.id]));
    const groupIds = new Set(fixture.groups.map((group) => group.id));

    for (const user of Object.values(SANDBOX_USERS)) expect(userIds.get(user.userPrincipalName)).toBe(user.id);
    for (const id of Object.values(SANDBOX_GROUPS)) expect(groupIds.has(id)).toBe(true);
    expect(fixture.users.find((user) => user.userPrincipalName === 'ivan@contoso.com')?.accountEnabled).toBe(false);
  });

  it('gives every user a distinct valid GUID', () => {
    const ids = loadFixture().users.map((user) => user.id);

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the operator out of TAP Approvers', () => {
    const approvers = loadFixture().groups.find((group) => group.id === SANDBOX_GROUPS.tapApprovers);

    expect(approvers?.members).toEqual(['approver@contoso.com']);
  });

  it('returns an independent copy on every load', () => {
    const changed = loadFixture();
    changed.users.pop();

    expect(loadFixture().users).toHaveLength(changed.users.length + 1);
  });

  it('refuses a fixture whose policy names a group that does not exist', async () => {
    const fixture = loadFixture();
    const fido2 = fixture.authenticationMethodsPolicy.authenticationMethodConfigurations[0] as Record<string, unknown>;
    fido2['excludeTargets'] = [{ targetType: 'group', id: 'No Such Group' }];

    await expect(startSandbox({ fixture })).rejects.toThrow("names an unknown group 'No Such Group'");
  });

  it('refuses a fixture with a malformed user id, naming the field', async () => {
    const fixture = loadFixture();
    const first = fixture.users[0];
    if (first) first.id = 'carol';

    await expect(startSandbox({ fixture })).rejects.toThrow(/users\.0\.id: must be a GUID/);
  });

  it('resolves relative times in seconds, minutes, hours and days, and leaves ISO times alone', () => {
    const now = new Date('2026-11-22T10:00:00.000Z');

    expect(resolveTime('now', now)).toBe('2026-11-22T10:00:00.000Z');
    expect(resolveTime('now-30s', now)).toBe('2026-11-22T09:59:30.000Z');
    expect(resolveTime('now-3m', now)).toBe('2026-11-22T09:57:00.000Z');
    expect(resolveTime('now+1h', now)).toBe('2026-11-22T11:00:00.000Z');
    expect(resolveTime('now-6d', now)).toBe('2026-11-16T10:00:00.000Z');
    expect(resolveTime('2024-01-02T03:04:05Z', now)).toBe('2024-01-02T03:04:05Z');
    expect(resolveTime('nowhere', now)).toBe('nowhere');
  });
});
