import { SANDBOX_USERS } from '../../src/sandbox';
import { botHarness, cardsIn, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const aboutAlice = (bot: BotHarness) =>
  bot.sandbox.requestLog.filter((r) => /alice|e1f22741/i.test(`${r.path} ${r.query ?? ''}`) || (r.inner === false && r.path === '/$batch'));

describe('who may use the bot', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('refuses a non-operator politely and fetches nothing about the target user', async () => {
    const sent = await bot.say('diagnose alice@contoso.com', NON_OPERATOR);
    const [card] = cardsIn(sent);
    expect(JSON.stringify(card)).toContain('Only members of the Passkey Doctor operators group can do this');
    expect(sent.map((a) => a.type)).toEqual(['message']);
    expect(aboutAlice(bot)).toEqual([]);
    expect(bot.sandbox.requestLog.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /users/${NON_OPERATOR.aadObjectId}/checkMemberGroups`]);
  });

  it('refuses without asking Graph when Teams sends no Entra object id', async () => {
    const [card] = cardsIn(await bot.say('diagnose alice@contoso.com', { id: '29:x', name: 'Someone', aadObjectId: '' }));
    expect(JSON.stringify(card)).toContain('Not allowed');
    expect(bot.sandbox.requestLog).toEqual([]);
  });

  it('re-checks membership at every click and refuses a non-operator clicking an operator\'s card', async () => {
    const [message] = (await bot.say('diagnose alice@contoso.com')).filter((a) => a.type === 'message');
    const runId = cardsIn([message])[0].actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    bot.sandbox.clearLog();
    const answer = await bot.click('verdict.rerun', { runId }, message.id, NON_OPERATOR);
    expect(answer?.value).toMatch(/Only members of the Passkey Doctor operators group/);
    expect(aboutAlice(bot)).toEqual([]);
  });

  it('asks Graph about membership once a minute, not on every message', async () => {
    await bot.say('help');
    await bot.say('diagnose alice@contoso.com');
    await bot.say('diagnose bob@contoso.com');
    const checks = bot.sandbox.requestLog.filter((r) => r.path.endsWith('/checkMemberGroups') && r.path.includes(OPERATOR.aadObjectId));
    expect(checks).toHaveLength(1);
  });

  it('does not honour a run id from another conversation (card data is never trusted)', async () => {
    const [message] = (await bot.say('diagnose alice@contoso.com')).filter((a) => a.type === 'message');
    const runId = cardsIn([message])[0].actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    const elsewhere = { conversation: { id: 'another-chat', isGroup: true, conversationType: 'groupChat', name: 'x' } } as any;
    const answer = await bot.click('verdict.rerun', { runId }, 'some-message', OPERATOR, elsewhere);
    expect(answer?.value).toMatch(/no longer available/);
    const forged = await bot.click('verdict.rerun', { runId: '../../etc/passwd' }, message.id);
    expect(forged?.value).toMatch(/no longer available/);
  });

  it('fails closed with a friendly card when the membership check itself fails', async () => {
    bot.sandbox.setFaults({ rules: [{ match: '/checkMemberGroups$', status: 403 }] });
    const sent = await bot.say('diagnose alice@contoso.com');
    const text = JSON.stringify(cardsIn(sent)[0]);
    expect(text).toContain('Microsoft Graph');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(aboutAlice(bot)).toEqual([]);
  });

  it('lets anyone read the help card, which reveals nothing about the tenant', async () => {
    const [card] = cardsIn(await bot.say('help', NON_OPERATOR));
    expect(JSON.stringify(card)).toContain('diagnose <upn>');
    expect(JSON.stringify(card)).not.toContain(SANDBOX_USERS.operator.id);
  });
});
