import { botHarness, cardsIn, NON_OPERATOR, type BotHarness } from './harness';

const text = (card: unknown): string => JSON.stringify(card);

describe('policy check in Teams', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await botHarness();
  });
  afterAll(() => bot.close());

  it('answers an operator with the policy-check card of the sandbox tenant', async () => {
    const [card] = cardsIn(await bot.say('policy check'));
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('3 warnings');
    expect(text(card)).toContain('Require phishing-resistant MFA for all resources (Finance)');
    expect(text(card)).not.toContain('${');
  });

  it('refuses someone outside the operators group, showing nothing about the tenant', async () => {
    const sent = await bot.say('policy check', NON_OPERATOR);
    expect(text(sent)).not.toContain('phishing-resistant');
    expect(text(sent)).not.toContain('POLICY.');
  });

  it('re-checks on a click, reading the policies again', async () => {
    const before = bot.sandbox.requestLog.length;
    const answer = await bot.click('policy.recheck', {});
    expect(text(answer)).toContain('3 warnings');
    expect(bot.sandbox.requestLog.slice(before).some((r) => r.path.includes('$batch'))).toBe(true);
  });

  it('refuses the Re-check click from a non-operator', async () => {
    const answer = await bot.click('policy.recheck', {}, undefined, NON_OPERATOR);
    expect(text(answer)).not.toContain('3 warnings');
  });
});
