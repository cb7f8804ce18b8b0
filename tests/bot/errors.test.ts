import { botHarness, cardsIn, type BotHarness } from './harness';

const cardText = async (bot: BotHarness, text: string) => JSON.stringify(cardsIn(await bot.say(text))[0]);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|Error:/);

describe('friendly cards when something is wrong', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('says what a UPN looks like when given something else, without asking Graph about anyone', async () => {
    const text = await cardText(bot, 'diagnose alice');
    expect(text).toContain('Not a user principal name');
    expect(text).toContain('\\"alice\\" is not a user principal name');
    expect(bot.sandbox.requestLog.filter((r) => !r.path.endsWith('/checkMemberGroups'))).toEqual([]);
    expect(await cardText(bot, 'diagnose')).toContain('Give the user principal name to diagnose');
  });

  it('names the allowed values of a bad device option in chat terms', async () => {
    const text = await cardText(bot, 'diagnose alice@contoso.com os=beos');
    expect(text).toContain('os= must be one of windows, macos, ios, ipados, android, linux, chromeos');
    expect(await cardText(bot, 'diagnose alice@contoso.com colour=blue')).toContain('\\"colour=blue\\" is not a device option');
  });

  it('says which layer could not be checked when the tenant has no Entra ID P1 licence', async () => {
    bot.sandbox.setLicence('free');
    const text = await cardText(bot, 'diagnose carol@contoso.com');
    expect(text).toContain('Some checks could not run');
    expect(text).toContain('Layer 4 (Recent MFA) could not be checked: Sign-in logs need Microsoft Entra ID P1 or P2');
  });

  it('says so when Microsoft Graph keeps throttling the request for the user', async () => {
    bot.sandbox.setFaults({ rules: [{ match: '^/users/carol', status: 429, retryAfterSeconds: 0.01 }] });
    const text = await cardText(bot, 'diagnose carol@contoso.com');
    expect(text).toContain('Microsoft Graph is throttling requests');
    expect(text).toContain('Try again in a minute');
    noStackTrace(text);
  });

  it('says which layer could not be checked when only one of the requests stays throttled', async () => {
    bot.sandbox.setFaults({ rules: [{ match: '^/auditLogs/signIns', status: 429, retryAfterSeconds: 0.01 }] });
    const text = await cardText(bot, 'diagnose carol@contoso.com');
    expect(text).toContain('Some checks could not run');
    expect(text).toMatch(/Layer 4 \(Recent MFA\) could not be checked: [^"]*throttl/i);
  });

  it('names the missing Graph permission when the user cannot be read at all', async () => {
    bot.sandbox.setFaults({ rules: [{ match: '^/users/carol[^/]*$', status: 403 }] });
    const text = await cardText(bot, 'diagnose carol@contoso.com');
    expect(text).toContain('A Microsoft Graph permission is missing');
    expect(text).toContain('User.Read.All');
  });

  it('says Graph is unreachable, with no stack trace, when the tenant stops answering', async () => {
    await bot.say('diagnose carol@contoso.com');
    await bot.sandbox.close();
    const text = await cardText(bot, 'diagnose alice@contoso.com');
    expect(text).toContain('Microsoft Graph is unreachable');
    noStackTrace(text);
  });
});
