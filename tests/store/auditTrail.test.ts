import { MemoryStorage } from 'botbuilder';
import { AuditTrail, PAGE_SIZE, type AuditEntry } from '../../src/store/auditTrail';
import { VersionedStore } from '../../src/store/versionedStore';

const entry = (n: number, upn = 'alice@contoso.com'): AuditEntry => ({
  time: new Date(Date.UTC(2026, 10, 22, 10, 0, n)).toISOString(),
  who: { id: 'op-1', name: 'Hana Patel' },
  what: 'diagnosis',
  target: { id: 'u-1', userPrincipalName: upn },
  rootCause: 'L3.NO_MFA_METHOD',
  requestId: `run-${n}`,
});

describe('audit trail', () => {
  it('returns the newest entries first, for the user asked about only', async () => {
    const audit = new AuditTrail(new VersionedStore(new MemoryStorage()));
    for (const n of [1, 2, 3]) await audit.append(entry(n));
    await audit.append(entry(4, 'bob@contoso.com'));
    expect((await audit.recent('Alice@Contoso.com')).map((e) => e.requestId)).toEqual(['run-3', 'run-2', 'run-1']);
    expect(await audit.recent('nobody@contoso.com')).toEqual([]);
  });

  it('keeps every entry across pages and shows the last 20', async () => {
    const storage = new MemoryStorage();
    const audit = new AuditTrail(new VersionedStore(storage));
    for (let n = 1; n <= 2 * PAGE_SIZE + 5; n += 1) await audit.append(entry(n));
    const last20 = await audit.recent('alice@contoso.com', 20);
    expect(last20.map((e) => e.requestId)).toEqual(Array.from({ length: 20 }, (_, i) => `run-${45 - i}`));
    expect((await audit.recent('alice@contoso.com', 100)).map((e) => e.requestId)).toHaveLength(45);
  });

  it('loses no entry when appends race', async () => {
    const audit = new AuditTrail(new VersionedStore(new MemoryStorage()));
    await Promise.all(Array.from({ length: 25 }, (_, n) => audit.append(entry(n + 1))));
    const all = await audit.recent('alice@contoso.com', 100);
    expect(new Set(all.map((e) => e.requestId)).size).toBe(25);
  });
});
