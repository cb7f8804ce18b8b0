import { MemoryStorage } from 'botbuilder';
import { HourlyLimit } from '../../src/store/rateLimit';
import { VersionedStore } from '../../src/store/versionedStore';

describe('hourly request limit', () => {
  it('allows the limit within a sliding hour, then says when the oldest slot frees', async () => {
    let now = Date.parse('2026-11-22T10:00:00Z');
    const limit = new HourlyLimit(new VersionedStore(new MemoryStorage()), 'tap-requests', 2, () => new Date(now));
    expect(await limit.take('op-1')).toEqual({ allowed: true, remaining: 1 });
    now += 30 * 60_000;
    expect(await limit.take('op-1')).toEqual({ allowed: true, remaining: 0 });
    expect(await limit.take('op-1')).toEqual({ allowed: false, retryAt: '2026-11-22T11:00:00.000Z' });
    expect(await limit.take('op-2')).toEqual({ allowed: true, remaining: 1 });
    now += 30 * 60_000 + 1;
    expect(await limit.take('op-1')).toEqual({ allowed: true, remaining: 0 });
  });

  it('lets exactly the limit through when requests race', async () => {
    const limit = new HourlyLimit(new VersionedStore(new MemoryStorage()), 'tap-requests', 3);
    const results = await Promise.all(Array.from({ length: 8 }, () => limit.take('op-1')));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });
});
