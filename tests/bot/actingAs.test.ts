/**
 * `as approver` / `as operator`: on the sandbox tenant one person can play
 * both sides of an approval in one conversation (the Agents Playground has
 * no user switch); anywhere else the command is refused, and both are audited.
 */
import { SANDBOX_USERS } from '../../src/sandbox';
import { passIn, requestTapForAlice, tapPosts, textOf } from './actionFlows';
import { botHarness, cardsIn, OPERATOR, type BotHarness } from './harness';

const OTHER_CHAT = { conversation: { id: 'another-personal-chat', isGroup: false, conversationType: 'personal', name: '' } };

describe('as approver / as operator (sandbox only)', () => {
  let bot: BotHarness;
  afterEach(() => bot.close());

  it('lets the operator approve her own request as the approver, then switch back; the switch is audited', async () => {
    bot = await botHarness();
    const { requestId, request } = await requestTapForAlice(bot);

    const [said] = await bot.say('as approver');
    expect(said.text).toContain(`you are now ${SANDBOX_USERS.approver.displayName}`);
    const answer = await bot.click('tap.approve', { requestId }, request.id);
    expect(passIn(answer)).toMatch(/\S{8,}/);
    expect(tapPosts(bot)).toHaveLength(1);

    // As the approver she is not an operator: diagnose is refused until she switches back.
    expect(textOf(cardsIn(await bot.say('diagnose alice@contoso.com')))).toContain('Only members of the Passkey Doctor operators group');
    await bot.say('as operator');
    expect(textOf(cardsIn(await bot.say('audit approver@contoso.com')))).toContain('Sandbox: typed as this person');
  });

  it('keeps the switch to the conversation it was typed in', async () => {
    bot = await botHarness();
    await bot.say('as approver');
    expect(textOf(cardsIn(await bot.say('diagnose alice@contoso.com', OPERATOR, OTHER_CHAT)))).not.toContain('Only members of the Passkey Doctor operators group');
  });

  it('names the roles it knows when the role is not one of them', async () => {
    bot = await botHarness();
    expect(textOf(cardsIn(await bot.say('as admin')))).toContain('Type \\"as operator\\" or \\"as approver\\"');
  });

  it('is refused, and audited, where the bot is not on the sandbox tenant', async () => {
    bot = await botHarness({ settings: { sandboxPersonas: undefined } });
    const { requestId, request } = await requestTapForAlice(bot);
    expect(textOf(cardsIn(await bot.say('as approver')))).toContain('works only on the built-in sandbox tenant');
    const answer = await bot.click('tap.approve', { requestId }, request.id);
    expect(answer?.value).toContain('Only members of the TAP approvers group');
    expect(tapPosts(bot)).toHaveLength(0);
    expect(bot.logs.some((l) => l.includes('sandbox-only command refused'))).toBe(true);
  });
});
