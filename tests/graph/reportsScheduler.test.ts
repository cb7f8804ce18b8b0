import { ReportsScheduler, type SchedulerClock } from '../../src/graph/reportsScheduler';

/** A clock the test moves by hand; timers fire in time order as it passes them. */
class FakeClock implements SchedulerClock {
  private time = 0;
  private timers: Array<{ at: number; run: () => void; live: boolean }> = [];

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): () => void {
    const timer = { at: this.time + ms, run, live: true };
    this.timers.push(timer);
    return () => (timer.live = false);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.time = due.at;
      due.run();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function recorder(clock: FakeClock) {
  const granted: Array<{ label: string; at: number }> = [];
  const take = (scheduler: ReportsScheduler, label: string, priority: 'interactive' | 'background', slots = 1) =>
    scheduler.acquire(slots, priority).then(() => granted.push({ label, at: clock.now() }));
  return { granted, take };
}

/** Most requests granted in any `periodMs` window. */
function busiestWindow(times: number[], periodMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + periodMs).length));
}

describe('reports scheduler (fake clock)', () => {
  it('keeps a burst of 23 reads within 5 per 10 s, and serves them all', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 5, periodMs: 10_000 }, clock);
    const { granted, take } = recorder(clock);
    for (let i = 0; i < 23; i++) void take(scheduler, `r${i}`, 'interactive');
    await flush();
    expect(granted).toHaveLength(5);
    await clock.advance(60_000);
    expect(granted).toHaveLength(23);
    expect(busiestWindow(granted.map((g) => g.at), 10_000)).toBe(5);
    expect(granted.map((g) => g.label)).toEqual(Array.from({ length: 23 }, (_, i) => `r${i}`));
  });

  it('counts a multi-slot grant (a $batch of two reads) as two', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 5, periodMs: 10_000 }, clock);
    const { granted, take } = recorder(clock);
    void take(scheduler, 'a', 'interactive', 2);
    void take(scheduler, 'b', 'interactive', 2);
    void take(scheduler, 'c', 'interactive', 2);
    await flush();
    expect(granted.map((g) => g.label)).toEqual(['a', 'b']);
    expect(scheduler.tryAcquire(1)).toBe(false);
    await clock.advance(10_000);
    expect(granted.map((g) => g.label)).toEqual(['a', 'b', 'c']);
  });

  it('serves interactive reads before background ones that were queued earlier', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 1, periodMs: 1_000 }, clock);
    const { granted, take } = recorder(clock);
    void take(scheduler, 'first', 'interactive');
    void take(scheduler, 'sweep-1', 'background');
    void take(scheduler, 'sweep-2', 'background');
    void take(scheduler, 'diagnose-1', 'interactive');
    void take(scheduler, 'diagnose-2', 'interactive');
    await clock.advance(10_000);
    expect(granted.map((g) => g.label)).toEqual(['first', 'diagnose-1', 'diagnose-2', 'sweep-1', 'sweep-2']);
  });

  it('still lets background work progress under a steady stream of interactive reads', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 1, periodMs: 1_000 }, clock);
    const { granted, take } = recorder(clock);
    await take(scheduler, 'diagnose-first', 'interactive');
    for (let i = 0; i < 3; i++) void take(scheduler, `sweep-${i}`, 'background');
    for (let i = 0; i < 40; i++) void take(scheduler, `diagnose-${i}`, 'interactive');
    await clock.advance(15_000);
    // One background grant after every four interactive ones while both wait.
    expect(granted.map((g) => g.label)).toEqual([
      'diagnose-first',
      ...['diagnose-0', 'diagnose-1', 'diagnose-2', 'diagnose-3', 'sweep-0'],
      ...['diagnose-4', 'diagnose-5', 'diagnose-6', 'diagnose-7', 'sweep-1'],
      ...['diagnose-8', 'diagnose-9', 'diagnose-10', 'diagnose-11', 'sweep-2'],
    ]);
  });

  it('leaves two slots of every period to interactive reads while background work pages greedily', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 5, periodMs: 10_000 }, clock);
    const { granted, take } = recorder(clock);
    for (let i = 0; i < 9; i++) void take(scheduler, `page-${i}`, 'background');
    await flush();
    expect(granted.map((g) => g.label)).toEqual(['page-0', 'page-1', 'page-2']);
    // A diagnosis typed now gets its log refresh (two reads at once) without waiting for the period to pass.
    await clock.advance(1_000);
    void take(scheduler, 'diagnose', 'interactive', 2);
    await flush();
    expect(granted.at(-1)).toEqual({ label: 'diagnose', at: 1_000 });
    await clock.advance(60_000);
    const pages = granted.filter((g) => g.label.startsWith('page-')).map((g) => g.at);
    expect(pages).toHaveLength(9);
    expect(busiestWindow(pages, 10_000)).toBe(3);
  });

  it('after a 429 holds every waiting read until the Retry-After has passed, once', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 5, periodMs: 10_000 }, clock);
    const { granted, take } = recorder(clock);
    await take(scheduler, 'sent', 'interactive');
    scheduler.throttled(6_000);
    for (let i = 0; i < 3; i++) void take(scheduler, `waiting-${i}`, 'interactive');
    void take(scheduler, 'sweep', 'background');
    await clock.advance(5_999);
    expect(granted.map((g) => g.label)).toEqual(['sent']);
    expect(scheduler.status().heldUntil).toBe(6_000);
    await clock.advance(1);
    expect(granted.slice(1).map((g) => [g.label, g.at])).toEqual([
      ['waiting-0', 6_000],
      ['waiting-1', 6_000],
      ['waiting-2', 6_000],
    ]);
    expect(scheduler.status().heldUntil).toBeNull();
    // The sweep waits past the hold too, and then for a period with room beyond the interactive reserve.
    await clock.advance(20_000);
    expect(granted.at(-1)).toEqual({ label: 'sweep', at: 16_000 });
  });

  it('says how long a new interactive read would wait: queue length and next free slot', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 5, periodMs: 10_000 }, clock);
    expect(scheduler.status()).toMatchObject({ queuedInteractive: 0, nextFreeAt: 0 });
    expect(scheduler.tryAcquire(5)).toBe(true);
    await clock.advance(4_000);
    for (let i = 0; i < 7; i++) void scheduler.acquire(1, 'interactive');
    await flush();
    const status = scheduler.status();
    expect(status.queuedInteractive).toBe(7);
    // Five of the seven fit at 10 s; the last two and a new read need the next period.
    expect(status.nextFreeAt).toBe(20_000);
  });

  it('tryAcquire never jumps the queue', async () => {
    const clock = new FakeClock();
    const scheduler = new ReportsScheduler({ requests: 2, periodMs: 10_000 }, clock);
    expect(scheduler.tryAcquire(2)).toBe(true);
    void scheduler.acquire(1, 'background');
    await clock.advance(10_000);
    expect(scheduler.hasRoom(1)).toBe(true);
    void scheduler.acquire(2, 'interactive');
    await flush();
    expect(scheduler.tryAcquire(1)).toBe(false);
  });
});
