/**
 * Once Graph has created a pass, the approver sees it: a failing audit or
 * state write right after the create neither turns the answer into an
 * error nor hides the pass, and the records land later from the outbox.
 */
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { Outbox } from '../../src/actions/outbox';
import type { TapResult } from '../../src/actions/tapWorkflow';
import { setLogSink } from '../../src/logger';
import { PEOPLE, TAP_CODE, harness, runFor } from '../actions/fakes';

/** MemoryStorage whose writes to matching keys fail while `broken` is on. */
class FlakyStorage extends MemoryStorage {
  broken: RegExp | null = null;
  async write(changes: StoreItems): Promise<void> {
    if (this.broken && Object.keys(changes).some((key) => this.broken!.test(key))) throw new Error('store unavailable');
    return super.write(changes);
  }
}

describe('a created pass is never lost', () => {
  let restore: ReturnType<typeof setLogSink>;
  let logs: string[];
  beforeEach(() => {
    logs = [];
    restore = setLogSink((line) => logs.push(line));
  });
  afterEach(() => setLogSink(restore));

  async function issuedWith(broken: RegExp) {
    const storage = new FlakyStorage();
    const waits: Array<() => void> = [];
    const outbox = new Outbox({ delaysMs: [1, 1, 1], sleep: () => new Promise((resolve) => waits.push(resolve)) });
    const h = harness({ storage, outbox });
    expect((await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'c' })).kind).toBe('requested');
    // Broken right after the create, as a store conflict or outage would be.
    h.writes.beforeCreate = async () => {
      storage.broken = broken;
    };
    const result: TapResult = await h.tap.approve(PEOPLE.approver, 'tap-run-1', { conversationId: 'c' });
    return { h, storage, outbox, waits, result };
  }

  it.each([
    ['the audit write', /^audit\//],
    ['the request state write', /^workflow\//],
    ['every write', /./],
  ])('shows the pass when %s fails right after the create, and records it once the store is back', async (_what, broken) => {
    const { h, storage, outbox, waits, result } = await issuedWith(broken);
    expect(result.kind).toBe('issued');
    if (result.kind !== 'issued') return;
    expect(result.secret.reveal()).toBe(TAP_CODE);
    expect(h.writes.creates).toBe(1);
    expect(outbox.size).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(TAP_CODE);

    // A second click while the records are pending shows no pass.
    const again = await h.tap.approve(PEOPLE.approver, 'tap-run-1', { conversationId: 'c' });
    expect(again.kind).toBe('refused');
    expect(h.writes.creates).toBe(1);

    storage.broken = null;
    while (waits.length > 0 || outbox.size > 0) {
      waits.splice(0).forEach((resume) => resume());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await outbox.drain();
    expect((await h.tap.view('tap-run-1'))?.state).toBe('issued');
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.what)).toContain('tap.issued');
    expect(await h.tap.approve(PEOPLE.approver, 'tap-run-1', { conversationId: 'c' })).toMatchObject({ code: 'REQUEST.ALREADY_DONE' });
  });
});
