import { loadFixture } from '../../src/sandbox/fixture';
import { registrationHistory } from '../../src/sandbox/registrationHistory';

const NOW = new Date('2026-12-03T10:00:00Z');

describe('the generated month of registration attempts', () => {
  const history = registrationHistory(NOW);

  it('is the same on every start with the same seed and clock, and different with another seed', () => {
    expect(registrationHistory(NOW)).toEqual(history);
    expect(registrationHistory(NOW, 7).audits).not.toEqual(history.audits);
  });

  it('holds a few hundred attempts over the weeks before today, with failures and successes', () => {
    expect(history.audits.length).toBeGreaterThanOrEqual(200);
    expect(history.audits.length).toBeLessThanOrEqual(600);
    const times = history.audits.map((a) => Date.parse(String(a.activityDateTime)));
    expect(Math.max(...times)).toBeLessThan(Date.parse('2026-12-03T00:00:00Z'));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-10-22T00:00:00Z'));
    const failures = history.audits.filter((a) => a.result === 'failure').length;
    expect(failures / history.audits.length).toBeGreaterThan(0.15);
    expect(failures / history.audits.length).toBeLessThan(0.5);
  });

  it('never names a Contoso demo user, so no demo diagnosis reads these events', () => {
    const demo = new Set(loadFixture().users.map((u) => u.userPrincipalName.toLowerCase()));
    const named = new Set(history.audits.map((a) => String((a.initiatedBy as { user: { userPrincipalName: string } }).user.userPrincipalName)));
    expect([...named].filter((upn) => demo.has(upn))).toEqual([]);
    expect(history.users.every((u) => String(u.userPrincipalName).startsWith('reg.'))).toBe(true);
  });

  it('has people who failed more than twice in the last week (the outreach list)', () => {
    const weekAgo = Date.parse('2026-11-26T00:00:00Z');
    const perPerson = new Map<string, number>();
    for (const a of history.audits) {
      if (a.result !== 'failure' || Date.parse(String(a.activityDateTime)) < weekAgo) continue;
      const upn = String((a.initiatedBy as { user: { userPrincipalName: string } }).user.userPrincipalName);
      perPerson.set(upn, (perPerson.get(upn) ?? 0) + 1);
    }
    expect([...perPerson.values()].filter((n) => n > 2).length).toBeGreaterThanOrEqual(2);
  });
});
