/**
 * A throttled or slow create must not lose the pass: past CLICK_BUDGET_MS
 * the approver's click is answered "Issuing…" at once, and the pass arrives
 * once, in the approver's personal chat with the bot — nowhere shared.
 */
import { setLogSink } from '../../src/logger';
import { APPROVER, occurrences, requestTapForAlice, tapPosts, textOf } from '../bot/actionFlows';
import { botHarness, OPERATOR, type BotHarness } from '../bot/harness';
import { httpBot } from '../bot/httpHarness';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition never held');
};

describe('an approval slower than the click budget', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness({ env: { CLICK_BUDGET_MS: '20' } });
  });
  afterEach(() => bot.close());

  it('answers "Issuing…" at once and delivers the pass privately, once', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    bot.sandbox.setFaults({ latencyMs: 60 });
    const before = bot.adapter.shared.length;

    const answer = await bot.click('tap.approve', { requestId }, request.id, APPROVER);
    expect(answer?.value).toMatch(/^Issuing… Microsoft Graph is slow/);
    expect(textOf(answer)).not.toMatch(/temporaryAccessPass|"pass"/);

    const privateChat = `personal:${APPROVER.id}`;
    await until(() => bot.adapter.shared.slice(before).some((a) => a.conversation?.id === privateChat));
    await until(() => bot.adapter.shared.slice(before).some((a) => a.op === 'update' && a.id === request.id));
    const after = bot.adapter.shared.slice(before);
    const delivered = after.filter((a) => a.conversation?.id === privateChat);
    expect(delivered).toHaveLength(1);
    const card = delivered[0].attachments![0].content;
    const pass: string = card.body.find((e: any) => e.id === 'pass').inlines[0].text;
    expect(pass).toMatch(/^\S{8,}$/);
    expect(tapPosts(bot)).toHaveLength(1);

    // Nowhere else: not in anything shared in the request's conversation, not in the logs.
    const elsewhere = after.filter((a) => a.conversation?.id !== privateChat);
    expect(occurrences(textOf(elsewhere), pass)).toBe(0);
    expect(textOf(elsewhere.find((a) => a.op === 'update'))).toContain('TAP issued by');
    expect(bot.logs.filter((line) => line.includes(pass))).toEqual([]);
  });

  it('answers within the budget as before when Graph is quick', async () => {
    await bot.close();
    bot = await botHarness({ env: { CLICK_BUDGET_MS: '8000' } });
    const { request, requestId } = await requestTapForAlice(bot);
    const answer = await bot.click('tap.approve', { requestId }, request.id, APPROVER);
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('an approval slower than the click budget, over HTTP (CloudAdapter)', () => {
  it('answers the invoke with "Issuing…" and posts the pass to a new one-to-one chat with the approver', async () => {
    const restore = setLogSink(() => undefined);
    const h = await httpBot({ CLICK_BUDGET_MS: '20' });
    try {
      const inChat = { conversation: { id: '19:helpdesk@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: 'contoso' } };
      const lastPost = () => [...h.connector.captured].reverse().find((c) => c.method === 'POST' && c.body.type === 'message')!;
      await h.message({ text: 'diagnose alice@contoso.com', ...inChat });
      const verdict = lastPost();
      const runId = verdict.body.attachments[0].content.actions.find((a: any) => a.verb === 'tap.request').data.runId;
      await h.click('tap.request', { runId }, verdict.assignedId, OPERATOR, inChat);
      const request = lastPost();
      h.bot.runtime.sandbox!.setFaults({ latencyMs: 60 });
      const answer = await h.click('tap.approve', { requestId: request.body.attachments[0].content.actions[0].data.requestId }, request.assignedId, APPROVER, inChat);
      expect((await answer.json()).value).toMatch(/^Issuing…/);
      await until(() => h.connector.captured.some((c) => c.method === 'POST' && c.conversation.startsWith('a:personal-')));
      const created = h.connector.captured.find((c) => c.method === 'CREATE')!;
      expect(created.body.members).toEqual([expect.objectContaining({ id: APPROVER.id })]);
      const delivered = h.connector.captured.filter((c) => c.method === 'POST' && c.conversation === created.assignedId);
      expect(delivered).toHaveLength(1);
      const card = delivered[0].body.attachments[0].content;
      const pass: string = card.body.find((e: any) => e.id === 'pass').inlines[0].text;
      // The pass went to the connector once — that private post — and in nothing else.
      expect(h.connector.raw.filter((body) => body.includes(pass))).toHaveLength(1);
    } finally {
      await h.close();
      setLogSink(restore);
    }
  });
});
