import { botHarness, cardsIn, type BotHarness } from './harness';

async function diagnose(bot: BotHarness, upn: string) {
  const [message] = (await bot.say(`diagnose ${upn}`)).filter((a) => a.type === 'message');
  const card = cardsIn([message])[0];
  return { id: message.id!, card, runId: card.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId as string };
}

async function issueTap(bot: BotHarness, upn: string) {
  const response = await fetch(`${bot.sandbox.url}/v1.0/users/${encodeURIComponent(upn)}/authentication/temporaryAccessPassMethods`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lifetimeInMinutes: 60, isUsableOnce: true }),
  });
  expect(response.status).toBe(201);
}

const sharedCard = (bot: BotHarness, id: string) => bot.adapter.activeQueue.find((a) => a.id === id)!.attachments![0].content;

describe('Re-run and the device form', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('shows what changed since the previous run, and updates the card for everyone', async () => {
    const first = await diagnose(bot, 'alice@contoso.com');
    await issueTap(bot, 'alice@contoso.com');
    const answer = await bot.click('verdict.rerun', { runId: first.runId }, first.id);
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = JSON.stringify(answer?.value);
    expect(text).toMatch(/What changed since the run at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(text).toContain('Layer 3 · MFA bootstrap: Fail → Pass');
    expect(text).toMatch(/Cleared in layer 3: Alice Wong has no MFA-capable method/);
    expect(text).not.toContain('"verb":"tap.request"');
    expect(sharedCard(bot, first.id)).toEqual(answer?.value);
  });

  it('says nothing changed when nothing did', async () => {
    const first = await diagnose(bot, 'bob@contoso.com');
    const answer = await bot.click('verdict.rerun', { runId: first.runId }, first.id);
    expect(JSON.stringify(answer?.value)).toMatch(/Nothing changed since the run at/);
  });

  it('compares with the latest run for that user, and a new run id goes on the new card', async () => {
    const first = await diagnose(bot, 'dave@contoso.com');
    const rerun = await bot.click('verdict.rerun', { runId: first.runId }, first.id);
    const newRunId = rerun?.value.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    expect(newRunId).not.toBe(first.runId);
    const again = await bot.click('verdict.rerun', { runId: newRunId }, first.id);
    expect(JSON.stringify(again?.value)).toMatch(/Nothing changed since the run at/);
  });

  it('diagnoses again with the device details chosen in the form', async () => {
    const first = await diagnose(bot, 'carol@contoso.com');
    const form = first.card.actions.find((a: any) => a.title === 'Device details').card;
    expect(form.actions[0]).toMatchObject({ verb: 'device.submit', data: { runId: first.runId } });
    const answer = await bot.click(
      'device.submit',
      { runId: first.runId, os: 'ios', osVersion: '17.2', browser: 'safari', path: 'authenticator-app', authenticator: 'authenticator-ios' },
      first.id,
    );
    const text = JSON.stringify(answer?.value);
    expect(text).toContain('ios 17.2 · safari · authenticator-app · Microsoft Authenticator for iOS (given)');
    const refilled = answer?.value.actions.find((a: any) => a.title === 'Device details').card;
    expect(refilled.body[1].columns[0].items[0].value).toBe('ios');
    expect(refilled.body[4].value).toBe('authenticator-ios');
  });

  it('keeps the device details for a later Re-run', async () => {
    const first = await diagnose(bot, 'carol@contoso.com');
    const withDevice = await bot.click('device.submit', { runId: first.runId, os: 'android', osVersion: '14', browser: 'chrome', path: 'same-device', authenticator: '' }, first.id);
    const runId = withDevice?.value.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    const rerun = await bot.click('verdict.rerun', { runId }, first.id);
    expect(JSON.stringify(rerun?.value)).toContain('android 14 · chrome · same-device (given)');
  });

  it('answers bad form values under the card, in the form\'s own words, without diagnosing', async () => {
    const first = await diagnose(bot, 'carol@contoso.com');
    bot.sandbox.clearLog();
    const badVersion = await bot.click('device.submit', { runId: first.runId, os: 'ios', osVersion: 'seventeen' }, first.id);
    expect(badVersion).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Bad command or option: Version must be a version number such as 17.2, 14 or 10.0.22631.',
    });
    const badOs = await bot.click('device.submit', { runId: first.runId, os: 'beos' }, first.id);
    expect(badOs?.value).toContain('Operating system must be one of windows, macos');
    const notText = await bot.click('device.submit', { runId: first.runId, browser: { evil: true } }, first.id);
    expect(notText?.value).toContain('Browser must be text');
    expect(bot.sandbox.requestLog).toEqual([]);
    expect(sharedCard(bot, first.id)).toEqual(first.card);
  });

  it('answers a Re-run slower than the click budget at once, and the card redraws itself with the verdict', async () => {
    await bot.close();
    bot = await botHarness({ env: { CLICK_BUDGET_MS: '20' } });
    const first = await diagnose(bot, 'alice@contoso.com');
    await issueTap(bot, 'alice@contoso.com');
    bot.sandbox.setFaults({ latencyMs: 80 });
    const before = bot.adapter.shared.length;
    const answer = await bot.click('verdict.rerun', { runId: first.runId }, first.id);
    expect(answer?.value).toMatch(/^Still checking… Microsoft Graph is slow/);
    for (let i = 0; i < 500 && !bot.adapter.shared.slice(before).some((a) => a.op === 'update' && a.id === first.id); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const after = bot.adapter.shared.slice(before);
    const update = after.find((a) => a.op === 'update' && a.id === first.id);
    expect(JSON.stringify(update?.attachments?.[0].content)).toContain('Layer 3 · MFA bootstrap: Fail → Pass');
    // The shared card is the answer: no copy of the verdict in anyone's personal chat.
    expect(after.filter((a) => a.conversation?.id?.startsWith('personal:'))).toEqual([]);
  });
});
