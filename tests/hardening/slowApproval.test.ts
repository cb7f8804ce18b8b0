/**
 * A throttled or slow create must not lose the pass: past CLICK_BUDGET_MS
 * the approver's click is answered "Issuing…" at once, and the pass arrives
 * once, in the approver's personal chat with the bot — nowhere shared.
 */
import { APPROVER, occurrences, requestTapForAlice, tapPosts, textOf } from '../bot/actionFlows';
import { botHarness, type BotHarness } from '../bot/harness';

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
