import { FileStorage } from '../../src/store/fileStorage';
import { SweepRecords } from '../../src/store/sweepRecords';
import { VersionedStore } from '../../src/store/versionedStore';
import { botHarness, cardsIn, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const text = (x: unknown): string => JSON.stringify(x);
const cardOf = (activity: any) => activity.attachments?.[0]?.content as any;

async function csvOf(bot: BotHarness, url: string): Promise<string> {
  const token = /\/sweeps\/([A-Za-z0-9_-]+)\.csv$/.exec(url)![1];
  const chunks = await bot.services.sweeps!.csv(token);
  let out = '';
  for await (const chunk of chunks!) out += chunk;
  return out;
}

describe('sweep in Teams', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await botHarness({ env: { GRAPH_REPORTS_QUOTA: '100/1', SANDBOX_POPULATION: '0' } });
  });
  afterAll(() => bot.close());

  it('posts a running card, then updates that same message with counts, causes and a CSV link', async () => {
    bot.adapter.shared.length = 0;
    const [running] = cardsIn(await bot.say('sweep All Staff'));
    expect(text(running)).toContain('Sweeping All Staff');
    expect(running.actions[0]).toMatchObject({ verb: 'sweep.cancel' });
    await bot.services.sweeps!.idle();
    const posted = bot.adapter.shared.find((a) => a.op === 'post')!;
    const updates = bot.adapter.shared.filter((a) => a.op === 'update');
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.id === posted.id)).toBe(true);
    const final = cardOf(updates[updates.length - 1]);
    expect(final.body[0].text).toBe('Sweep of All Staff: 19 members');
    expect(text(final)).toContain('L3.NO_MFA_METHOD');
    const link = final.actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const csv = await csvOf(bot, link);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(20);
    expect(csv).toContain("o'neil@contoso.com,Liam O'Neil,");
  });

  it('refuses a non-operator, showing nothing about the tenant', async () => {
    const sent = await bot.say('sweep All Staff', NON_OPERATOR);
    expect(text(sent)).not.toContain('Sweeping');
    expect(text(sent)).not.toContain('contoso.com');
  });

  it('a group that does not exist gets one clear sentence', async () => {
    const sent = await bot.say('sweep No Such Group');
    expect(text(sent)).toContain('No group is named');
  });

  it('only the operator who started a sweep can cancel it, and cancelling stops it with a card that says so', async () => {
    bot.adapter.shared.length = 0;
    // Slow enough that the sweep is still reading when the clicks arrive.
    bot.sandbox.setFaults({ latencyMs: 300 });
    await bot.say('sweep All Staff');
    const sweepId = cardsIn(bot.adapter.shared.filter((a) => a.op === 'post') as any)[0].actions[0].data.sweepId;
    expect(await bot.services.sweeps!.cancel(sweepId, NON_OPERATOR.aadObjectId)).toBe('Only the operator who started this sweep can cancel it.');
    const refused = await bot.click('sweep.cancel', { sweepId }, undefined, NON_OPERATOR);
    expect(text(refused)).not.toContain('Cancelling');
    const answer = await bot.click('sweep.cancel', { sweepId }, undefined, OPERATOR);
    expect(text(answer)).toContain('Cancelling the sweep');
    await bot.services.sweeps!.idle();
    bot.sandbox.setFaults({});
    const updates = bot.adapter.shared.filter((a) => a.op === 'update');
    const final = cardOf(updates[updates.length - 1]);
    expect(text(final)).toContain('Cancelled by the operator who started it.');
    expect(await bot.services.sweeps!.cancel(sweepId, OPERATOR.aadObjectId)).toBe('This sweep has already stopped.');
    expect(final.actions ?? []).not.toContainEqual(expect.objectContaining({ verb: 'sweep.cancel' }));
  });

  it('runs one sweep per group at a time', async () => {
    // Slow enough that the first sweep still runs when the second asks.
    bot.sandbox.setFaults({ latencyMs: 300 });
    const first = bot.say('sweep All Staff');
    const second = bot.say('sweep All Staff');
    // Two concurrent turns each see the other's messages: count each message once.
    const answers = [...new Map([...(await first), ...(await second)].map((a) => [a.id, a])).values()];
    await bot.services.sweeps!.idle();
    bot.sandbox.setFaults({});
    expect(answers.filter((a) => typeof a.text === 'string' && /already running/.test(a.text))).toHaveLength(1);
    expect(cardsIn(answers).filter((c) => text(c).includes('Sweeping All Staff'))).toHaveLength(1);
  });

  it('after a restart, a sweep recorded as running is marked interrupted and its card says so', async () => {
    const records = new SweepRecords(new VersionedStore(new FileStorage(bot.stateDir)));
    const sweepId = '0c0c0c0c-0000-4000-8000-000000000001';
    await records.start({
      sweepId,
      groupId: 'dead-group',
      groupName: 'Finance',
      starterId: OPERATOR.aadObjectId,
      status: 'running',
      startedAt: '2026-12-03T10:00:00.000Z',
      conversation: { conversation: { id: 'conv-1' } as any, channelId: 'msteams', serviceUrl: 'https://example.org' },
      cardActivityId: 'card-1',
    });
    bot.adapter.shared.length = 0;
    expect(await bot.services.sweeps!.markInterrupted(bot.adapter)).toBe(1);
    const update = bot.adapter.shared.find((a) => a.op === 'update')!;
    expect(update.id).toBe('card-1');
    expect(text(cardOf(update))).toContain('The bot restarted while this sweep ran');
    expect((await records.get(sweepId))?.status).toBe('interrupted');
    expect(await bot.services.sweeps!.markInterrupted(bot.adapter)).toBe(0);
    expect(await bot.services.sweeps!.cancel(sweepId, OPERATOR.aadObjectId)).toBe('This sweep has already stopped.');
  });
});
