import { MemoryStorage, type Storage } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DigestScheduler, type DigestTick } from '../../src/actions/digestSchedule';
import { currentWindowStart, parseDigestSchedule, type DigestSchedule } from '../../src/config/digestSchedule';
import { DigestStore } from '../../src/store/digests';
import type { ChannelRoute } from '../../src/store/routes';
import { FileStorage } from '../../src/store/fileStorage';
import { VersionedStore } from '../../src/store/versionedStore';
import type { RegistrationReport } from '../../src/tenant/report/types';

const schedule = (text: string) => parseDigestSchedule(text) as DigestSchedule | 'off';
const ROUTE: ChannelRoute = { conversation: { conversation: { id: '19:digest@thread.tacv2' } as never }, registeredBy: { id: 'op', name: 'Op' }, registeredAt: '2026-11-30T08:00:00Z' };
const REPORT = { kind: 'registration-report' } as RegistrationReport;

/** A bot instance over a shared store, with a clock the test moves. */
function instance(storage: Storage, clock: { now: Date }, posts: string[], name: string, text = 'mon 09:00 UTC', publish?: () => Promise<void>) {
  return new DigestScheduler({
    schedule: schedule(text),
    store: new DigestStore(new VersionedStore(storage)),
    report: async () => REPORT,
    publish: publish ?? (async () => void posts.push(`${name}@${clock.now.toISOString()}`)),
    clock: () => clock.now,
    instanceId: name,
  });
}

async function registered(storage: Storage, at: string): Promise<void> {
  const store = new DigestStore(new VersionedStore(storage));
  await store.registerRoute(ROUTE);
  // As `route digest here` does: the window running when the channel is registered is not posted.
  await store.skipToWindow(currentWindowStart(schedule('mon 09:00 UTC') as DigestSchedule, new Date(at)).toISOString());
}

describe('the weekly digest schedule (fake clock)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'digest-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('posts once at the scheduled time, and not again in the same week', async () => {
    const storage = new MemoryStorage();
    const clock = { now: new Date('2026-11-30T10:00:00Z') }; // Monday, after 09:00: registered mid-window
    const posts: string[] = [];
    await registered(storage, clock.now.toISOString());
    const bot = instance(storage, clock, posts, 'a');
    const ticks: DigestTick[] = [];
    for (const at of ['2026-11-30T10:01:00Z', '2026-12-07T08:59:00Z', '2026-12-07T09:00:00Z', '2026-12-07T09:01:00Z', '2026-12-10T12:00:00Z']) {
      clock.now = new Date(at);
      ticks.push(await bot.tick());
    }
    expect(ticks).toEqual(['already-posted', 'already-posted', 'posted', 'already-posted', 'already-posted']);
    expect(posts).toEqual(['a@2026-12-07T09:00:00.000Z']);
  });

  it('posts once after a restart inside the window, and a window missed while down once when it comes back', async () => {
    const storage = new FileStorage(dir);
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const posts: string[] = [];
    await registered(storage, clock.now.toISOString());
    clock.now = new Date('2026-12-07T09:00:30Z');
    expect(await instance(storage, clock, posts, 'first').tick()).toBe('posted');
    // Restarted ten minutes later: the state on disk says the window is done.
    clock.now = new Date('2026-12-07T09:10:00Z');
    expect(await instance(new FileStorage(dir), clock, posts, 'restarted').tick()).toBe('already-posted');
    // Down over the next Monday 09:00, back on Tuesday: that week's digest, once.
    clock.now = new Date('2026-12-15T11:00:00Z');
    const back = instance(new FileStorage(dir), clock, posts, 'back');
    expect(await back.tick()).toBe('posted');
    expect(await back.tick()).toBe('already-posted');
    expect(posts).toEqual(['first@2026-12-07T09:00:30.000Z', 'back@2026-12-15T11:00:00.000Z']);
  });

  it('posts once when two instances sharing the store race for the same window', async () => {
    for (const storage of [new MemoryStorage(), new FileStorage(dir)] as Storage[]) {
      const clock = { now: new Date('2026-11-30T10:00:00Z') };
      const posts: string[] = [];
      await registered(storage, clock.now.toISOString());
      clock.now = new Date('2026-12-07T09:00:00Z');
      const results = await Promise.all([instance(storage, clock, posts, 'a').tick(), instance(storage, clock, posts, 'b').tick(), instance(storage, clock, posts, 'c').tick()]);
      expect(results.filter((r) => r === 'posted')).toHaveLength(1);
      expect(posts).toHaveLength(1);
    }
  });

  it('never posts with DIGEST_SCHEDULE=off', async () => {
    const storage = new MemoryStorage();
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const posts: string[] = [];
    await registered(storage, clock.now.toISOString());
    const bot = instance(storage, clock, posts, 'a', 'off');
    for (const at of ['2026-12-07T09:00:00Z', '2026-12-14T09:00:00Z']) {
      clock.now = new Date(at);
      expect(await bot.tick()).toBe('off');
    }
    expect(posts).toEqual([]);
  });

  it('does nothing before a channel is registered', async () => {
    const posts: string[] = [];
    expect(await instance(new MemoryStorage(), { now: new Date('2026-12-07T09:00:00Z') }, posts, 'a').tick()).toBe('no-channel');
    expect(posts).toEqual([]);
  });

  it('gives the window back when the post fails, so the next check posts it', async () => {
    const storage = new MemoryStorage();
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const posts: string[] = [];
    await registered(storage, clock.now.toISOString());
    clock.now = new Date('2026-12-07T09:00:00Z');
    const failing = instance(storage, clock, posts, 'a', 'mon 09:00 UTC', async () => Promise.reject(new Error('Teams unavailable')));
    expect(await failing.tick()).toBe('failed');
    clock.now = new Date('2026-12-07T09:01:00Z');
    expect(await instance(storage, clock, posts, 'b').tick()).toBe('posted');
    expect(posts).toEqual(['b@2026-12-07T09:01:00.000Z']);
  });
});

describe('a channel that keeps refusing the digest', () => {
  it('is tried again after 1, 2, 4 … minutes, not at every check, and posted once it accepts', async () => {
    const storage = new MemoryStorage();
    const clock = { now: new Date('2026-11-30T10:00:00Z') };
    const posts: string[] = [];
    await registered(storage, clock.now.toISOString());
    let refusing = true;
    const bot = instance(storage, clock, posts, 'a', 'mon 09:00 UTC', async () => {
      if (refusing) throw new Error('Forbidden: the bot was removed from the team');
      posts.push(clock.now.toISOString());
    });
    const at = async (iso: string) => {
      clock.now = new Date(iso);
      return bot.tick();
    };
    expect(await at('2026-12-07T09:00:00Z')).toBe('failed');
    expect(await at('2026-12-07T09:00:30Z')).toBe('backing-off');
    expect(await at('2026-12-07T09:01:00Z')).toBe('failed');
    expect(await at('2026-12-07T09:02:00Z')).toBe('backing-off');
    expect(await at('2026-12-07T09:03:00Z')).toBe('failed');
    refusing = false;
    expect(await at('2026-12-07T09:06:00Z')).toBe('backing-off');
    expect(await at('2026-12-07T09:07:00Z')).toBe('posted');
    expect(await at('2026-12-07T09:08:00Z')).toBe('already-posted');
    expect(posts).toEqual(['2026-12-07T09:07:00.000Z']);
  });
});

describe('DIGEST_SCHEDULE', () => {
  it.each([
    ['mon 09:00 UTC', { weekday: 1, hour: 9, minute: 0, timeZone: 'UTC' }],
    ['Friday 16:30 Europe/London', { weekday: 5, hour: 16, minute: 30, timeZone: 'Europe/London' }],
    ['tue 7:05', { weekday: 2, hour: 7, minute: 5, timeZone: 'UTC' }],
  ])('reads %s', (text, expected) => {
    expect(parseDigestSchedule(text)).toMatchObject(expected);
  });

  it.each(['someday 09:00 UTC', 'mon 25:00 UTC', 'mon 09:00 Mars/Olympus', 'weekly'])('refuses %s with a sentence', (text) => {
    expect(parseDigestSchedule(text)).toEqual({ error: expect.any(String) });
  });

  it('keeps the local hour across daylight saving (Europe/London)', async () => {
      const london = parseDigestSchedule('mon 09:00 Europe/London') as DigestSchedule;
    // Summer (BST, UTC+1) and winter (GMT).
    expect(currentWindowStart(london, new Date('2026-07-08T12:00:00Z')).toISOString()).toBe('2026-07-06T08:00:00.000Z');
    expect(currentWindowStart(london, new Date('2026-12-08T12:00:00Z')).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    // Monday 08:30 UTC in summer is after 09:00 London: this week's window.
    expect(currentWindowStart(london, new Date('2026-07-13T08:30:00Z')).toISOString()).toBe('2026-07-13T08:00:00.000Z');
  });
});
