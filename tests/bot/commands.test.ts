import { NOT_AVAILABLE_YET } from '../../src/bot/app';
import { botHarness, cardsIn, type BotHarness } from './harness';

const texts = (card: any): string => JSON.stringify(card);

describe('bot commands on the sandbox tenant', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await botHarness();
  });
  afterAll(() => bot.close());

  it('answers diagnose with a typing indicator, then a verdict card naming the root cause and its owner', async () => {
    const sent = await bot.say('diagnose alice@contoso.com');
    expect(sent.map((a) => a.type)).toEqual(['typing', 'message']);
    const [card] = cardsIn(sent);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(texts(card)).toContain('Blocked');
    expect(texts(card)).toContain('no MFA-capable method');
    expect(texts(card)).toContain('owner: Identity team');
    expect(texts(card)).not.toContain('${');
  });

  it('takes the Windows device name as device=, so Windows Hello for Business blocks only on the device that holds it', async () => {
    const base = 'diagnose wendy@contoso.com os=windows version=11 browser=edge path=windows-hello';
    const [unnamed] = cardsIn(await bot.say(base));
    expect(texts(unnamed)).toContain('At risk');
    const [named] = cardsIn(await bot.say(`${base} device=WENDY-LAPTOP`));
    expect(texts(named)).toContain('Blocked');
    expect(texts(named)).toContain('Windows Hello for Business');
    const refused = await bot.say(`${base} device=laptop;rm`);
    expect(texts(refused)).toMatch(/device name may hold letters, digits/);
  });

  it('explains bob\'s exclusion with the group that excludes him', async () => {
    const [card] = cardsIn(await bot.say('diagnose bob@contoso.com'));
    expect(texts(card)).toContain('Passkey Exclusions');
    expect(texts(card)).toContain('Excluded by: Passkey Exclusions (group, through a nested group)');
  });

  it('is case-insensitive and ignores the bot mention and markup around the command', async () => {
    const sent = await bot.say('<at>Passkey Doctor</at> DIAGNOSE <a href="mailto:dave@contoso.com">dave@contoso.com</a>', undefined, {
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Passkey Doctor' }, text: '<at>Passkey Doctor</at>' }],
      recipient: { id: 'bot', name: 'Passkey Doctor' },
    });
    const [card] = cardsIn(sent);
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('At risk');
  });

  it('puts the buttons the verdict suggests on the card, carrying only the run id', async () => {
    const [card] = cardsIn(await bot.say('diagnose alice@contoso.com'));
    const executes = card.actions.filter((a: any) => a.type === 'Action.Execute');
    expect(executes.map((a: any) => a.verb)).toEqual(['tap.request', 'escalate', 'verdict.rerun']);
    for (const action of executes) expect(Object.keys(action.data)).toEqual(['runId']);
    expect(card.actions.map((a: any) => a.title)).toContain('Device details');
  });

  it('shows user-not-found as its own headline, with no actions to take', async () => {
    const [card] = cardsIn(await bot.say('diagnose nobody@contoso.com'));
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('User not found');
    expect(texts(card)).toContain('No user nobody@contoso.com exists');
    expect(card.actions ?? []).toEqual([]);
  });

  it('takes device details typed after the UPN', async () => {
    const [card] = cardsIn(await bot.say('diagnose carol@contoso.com os=ios version=17.2 browser=safari path=authenticator-app authenticator=authenticator-ios'));
    expect(texts(card)).toContain('ios 17.2 · safari · authenticator-app · Microsoft Authenticator for iOS (given)');
  });

  it('answers help, and anything it does not know, with the help card', async () => {
    for (const text of ['help', 'HELP me', 'what can you do?', '']) {
      const [card] = cardsIn(await bot.say(text));
      expect(texts(card)).toContain('diagnose <upn>');
    }
  });

  it('introduces itself with the help card when added to a conversation', async () => {
    const sent = await bot.say('', undefined, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot', name: 'Passkey Doctor' }], recipient: { id: 'bot', name: 'Passkey Doctor' } });
    expect(texts(cardsIn(sent)[0])).toContain('diagnose <upn>');
  });

  it('answers a button no feature handles (an old card, a forged verb) with "not available", not an error', async () => {
    const [message] = (await bot.say('diagnose alice@contoso.com')).filter((a) => a.type === 'message');
    const runId = cardsIn([message])[0].actions.find((a: any) => a.verb === 'tap.request').data.runId;
    for (const verb of ['tap.issue', 'policy.fix', 'something.else']) {
      await expect(bot.click(verb, { runId }, message.id)).resolves.toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: NOT_AVAILABLE_YET,
      });
    }
  });
});
