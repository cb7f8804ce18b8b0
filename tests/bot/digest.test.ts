import type { ConversationReference, TurnContext } from 'botbuilder';
import { createDigestScheduler } from '../../src/bot/digestPosting';
import { createBotServices } from '../../src/bot/services';
import { botSettingsFor } from '../../src/bot/settings';
import { FileStorage } from '../../src/store/fileStorage';
import { botHarness, cardsIn, NON_OPERATOR, type BotHarness } from './harness';
import { find } from '../cards/cardTree';

const text = (x: unknown): string => JSON.stringify(x);
const CHANNEL = { conversation: { id: '19:helpdesk@thread.tacv2', conversationType: 'channel', isGroup: true } as never };

describe('the registration digest in Teams', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // Each report costs two reports requests; the quota's waits are tested elsewhere and would only slow these tests.
    bot = await botHarness({ env: { SANDBOX_REPORTS_QUOTA: 'off', GRAPH_REPORTS_QUOTA: '100/10' } });
  });
  afterAll(() => bot.close());

  it('answers "report" with the digest card: charts, fallback tables and the outreach list from the sandbox month', async () => {
    const [card] = cardsIn(await bot.say('report'));
    expect(find(card, (n) => n.type === 'Chart.VerticalBar')[0].data).toHaveLength(7);
    expect(find(card, (n) => n.type === 'Chart.Donut')).toHaveLength(1);
    expect(find(card, (n) => n.type === 'Table' && n.id === 'failuresPerDayTable')).toHaveLength(1);
    expect(find(card, (n) => n.verb === 'digest.diagnose').length).toBeGreaterThan(0);
    expect(text(card)).toMatch(/reg\.[a-z]+\.[a-z]+@contoso\.com/);
  });

  it('takes a number of days, and refuses one out of range with a sentence', async () => {
    const [card] = cardsIn(await bot.say('report 14'));
    expect(find(card, (n) => n.type === 'Chart.VerticalBar')[0].data).toHaveLength(14);
    const refused = text(await bot.say('report 90'));
    expect(refused).toContain('from 1 to 30');
    expect(refused).not.toContain('Chart.');
  });

  it('refuses someone outside the operators group, showing nothing', async () => {
    const sent = text(await bot.say('report', NON_OPERATOR));
    expect(sent).not.toContain('Chart.');
    expect(sent).not.toContain('reg.');
  });

  it('runs the normal diagnosis in place when Diagnose is clicked, looking the person up on the server', async () => {
    const [card] = cardsIn(await bot.say('report'));
    const [button] = find(card, (n) => n.verb === 'digest.diagnose');
    const person = find(card, (n) => n.type === 'ColumnSet' && find(n, (m) => m === button).length > 0)[0];
    const upn = person.columns[0].items[0].text.replace(/\\/g, '');
    expect(Object.keys(button.data).sort()).toEqual(['digestId', 'row']);
    const answer = await bot.click('digest.diagnose', button.data);
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(answer?.value)).toContain(upn);
    expect(text(answer?.value)).toContain('verdict.rerun');
  });

  it('answers a forged or foreign Diagnose click without diagnosing anyone', async () => {
    const [card] = cardsIn(await bot.say('report'));
    const [button] = find(card, (n) => n.verb === 'digest.diagnose');
    for (const data of [{ ...button.data, row: 999 }, { digestId: 'alice@contoso.com', row: 0 }, { ...button.data, row: '0' }]) {
      const answer = await bot.click('digest.diagnose', data);
      expect(answer?.value).toMatch(/no longer available/);
    }
    // The same digest id clicked from another conversation.
    const elsewhere = await bot.click('digest.diagnose', button.data, undefined, undefined, CHANNEL);
    expect(elsewhere?.value).toMatch(/no longer available/);
    const refused = await bot.click('digest.diagnose', button.data, undefined, NON_OPERATOR);
    expect(text(refused)).not.toContain('verdict.rerun');
  });

  it('registers a channel with "route digest here", refuses a personal chat, and posts there on schedule', async () => {
    const personal = text(await bot.say('route digest here'));
    expect(personal).toContain('channel');
    const sent = await bot.say('route digest here', undefined, CHANNEL);
    expect(text(sent)).toContain('weekly registration digest will be posted in this channel (mon 09:00 UTC)');

    // A second bot instance over the same state store, a week later: it posts the digest card to that channel once.
    const services = createBotServices(bot.runtime, new FileStorage(bot.stateDir), botSettingsFor(bot.runtime));
    const posted: Array<{ conversation: Partial<ConversationReference>; card: unknown }> = [];
    const adapter = {
      continueConversationAsync: async (_id: string, conversation: Partial<ConversationReference>, logic: (ctx: TurnContext) => Promise<void>) => {
        await logic({ turnState: new Map(), sendActivity: async (activity: any) => (posted.push({ conversation, card: activity.attachments?.[0]?.content }), { id: 'x' }) } as unknown as TurnContext);
      },
    };
    const nextWeek = new Date(Date.now() + 7 * 86_400_000 + 3_600_000);
    const scheduler = createDigestScheduler(adapter as never, '', services, () => nextWeek)!;
    expect(await scheduler.tick()).toBe('posted');
    expect(await scheduler.tick()).toBe('already-posted');
    expect(posted).toHaveLength(1);
    expect(posted[0].conversation.conversation?.id).toBe('19:helpdesk@thread.tacv2');
    expect(find(posted[0].card, (n) => n.type === 'Chart.VerticalBar')).toHaveLength(1);
    // Its Diagnose buttons work in that channel.
    const [button] = find(posted[0].card, (n) => n.verb === 'digest.diagnose');
    const answer = await bot.click('digest.diagnose', button.data, undefined, undefined, CHANNEL);
    expect(text(answer?.value)).toContain('verdict.rerun');
  });
});

describe('a slow registration digest', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // Every round trip to the tenant takes 1.2 s: longer than the second after which the bot says what it is doing.
    bot = await botHarness({ env: { SANDBOX_LATENCY_MS: '1200', SANDBOX_REPORTS_QUOTA: 'off', GRAPH_REPORTS_QUOTA: '100/10' } });
  });
  afterAll(() => bot.close());

  it('first says it is reading the audit log, then turns that message into the digest', async () => {
    const before = bot.adapter.shared.length;
    await bot.say('report 3');
    const activity = bot.adapter.shared.slice(before).filter((a) => a.type === 'message');
    const placeholder = activity.find((a) => a.op === 'post' && text(a).includes('Reading 3 days of registration audit events'));
    expect(placeholder).toBeDefined();
    const update = activity.find((a) => a.op === 'update');
    expect(update?.id).toBe(placeholder!.id);
    expect(find(update?.attachments?.[0]?.content, (n) => n.type === 'Chart.VerticalBar')[0].data).toHaveLength(3);
  }, 20_000);
});
