/** `audit <upn>`: what was done about a user, newest first, never a pass. */
import { SANDBOX_USERS } from '../../src/sandbox';
import { APPROVER, passIn, requestTapForAlice, textOf } from './actionFlows';
import { botHarness, cardsIn, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const ALICE = SANDBOX_USERS.noMfaMethod;

describe('audit <upn>', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('shows who did what to whom, the root cause in words and the time, newest first, without the pass, codes or request ids', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    const pass = passIn(await bot.click('tap.approve', { requestId }, request.id, APPROVER));
    const [card] = cardsIn(await bot.say(`audit ${ALICE.userPrincipalName.toUpperCase()}`));
    const entries = card.body.filter((e: any) => e.separator).map((e: any) => textOf(e));
    expect(entries.map((e: string) => e.match(/"text":"([^"]+)","weight":"Bolder"/)![1])).toEqual(['TAP issued', 'TAP approved', 'TAP requested', 'Diagnosed']);
    expect(entries[0]).toContain(`${APPROVER.name} → ${ALICE.userPrincipalName}`);
    expect(entries[0]).toContain('root cause at layer 3');
    expect(textOf(card)).not.toContain(requestId);
    expect(textOf(card)).not.toContain('L3.NO_MFA_METHOD');
    expect(entries[0]).toMatch(/valid \d{4}-\d\d-\d\d \d\d:\d\d UTC to .*one-time/);
    expect(entries[3]).toContain(`${OPERATOR.name} → ${ALICE.userPrincipalName}`);
    expect(textOf(card)).not.toContain(pass);
  });

  it('is for operators only, and checks the user principal name', async () => {
    expect(textOf(cardsIn(await bot.say('audit alice@contoso.com', NON_OPERATOR)))).toMatch(/Only members of the Passkey Doctor operators group/);
    expect(textOf(cardsIn(await bot.say('audit alice@contoso.com', APPROVER)))).toMatch(/Only members of the Passkey Doctor operators group/);
    expect(textOf(cardsIn(await bot.say('audit')))).toMatch(/Type audit followed by one user principal name/);
    expect(textOf(cardsIn(await bot.say('audit <script>@x')))).toMatch(/is not a user principal name|Type audit followed/);
    expect(textOf(cardsIn(await bot.say('audit nobody@contoso.com')))).toContain('Nothing recorded for this user yet.');
  });
});
