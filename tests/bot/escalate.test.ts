/** Escalate from the card, and registering where escalations go with `route … here`. */
import { SANDBOX_USERS } from '../../src/sandbox';
import { cardProblems } from '../cards/adaptiveCardsParser';
import { actionsOf, APPROVER, CHANNEL, clickAndCollect, diagnose, executeActions, sharedCard, textOf } from './actionFlows';
import { botHarness, cardsIn, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const ALICE = SANDBOX_USERS.noMfaMethod;
const inChannel = { conversation: CHANNEL } as any;

describe('escalation from the card', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('says privately how to register a channel when none is, and changes nothing', async () => {
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    const { answer, posted, updated } = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);
    expect(answer?.value).toBe('No channel is registered for the identity team: in their Teams channel, mention Passkey Doctor and type "route identity here", then escalate again.');
    expect([posted, updated]).toEqual([[], []]);
  });

  it('registers the channel where "route identity here" is typed', async () => {
    const sent = await bot.say('route identity here', OPERATOR, inChannel);
    expect(sent.map((a) => a.text)).toEqual(['Escalations for the identity team will be posted in this channel.']);
    expect(sent[0].conversation?.id).toBe(CHANNEL.id);
  });

  it('posts the verdict with its evidence to the registered channel, with a Re-run that works there, and marks the card for everyone', async () => {
    await bot.say('route identity here', OPERATOR, inChannel);
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    const { answer, posted, updated } = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);

    expect(posted).toHaveLength(1);
    const proactive = bot.adapter.shared.find((a) => a.id === posted[0].id)!;
    expect(proactive.conversation?.id).toBe(CHANNEL.id);
    const text = textOf(posted[0].card);
    expect(text).toContain('Escalation for the identity team');
    expect(text).toContain(`${ALICE.displayName} cannot register a passkey: layer 3, MFA bootstrap.`);
    expect(text).not.toContain('L3.NO_MFA_METHOD');
    expect(text).toContain(`escalated by ${OPERATOR.name}`);
    expect(text).toContain('Authentication methods now');
    expect(text).toContain('What the help desk already did');
    expect(text).toContain('Diagnosed');
    const rerun = actionsOf(posted[0].card).find((a) => a.verb === 'verdict.rerun')!;
    expect(rerun.data.runId).not.toBe(verdict.runId);

    expect(updated.map((u) => u.id)).toEqual([verdict.id]);
    expect(textOf(updated[0].card)).toMatch(new RegExp(`Escalated to the identity team's channel by ${OPERATOR.name} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\.`));
    expect(actionsOf(updated[0].card).map((a) => a.verb)).not.toContain('escalate');
    expect(answer?.value).toEqual(updated[0].card);

    const again = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);
    expect(again.answer?.value).toMatch(/It is sent once per diagnosis/);
    expect([again.posted, again.updated]).toEqual([[], []]);

    const rerunInChannel = await bot.click('verdict.rerun', { runId: rerun.data.runId }, posted[0].id, OPERATOR, inChannel);
    expect(rerunInChannel?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await bot.click('verdict.rerun', { runId: rerun.data.runId }, posted[0].id))?.value).toMatch(/no longer available/);
  });

  it('keeps the escalation through a Re-run: in the owner\'s channel the header and history stay above the new verdict, and Escalate is never offered twice', async () => {
    await bot.say('route identity here', OPERATOR, inChannel);
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    const { posted } = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);
    const channelRunId = actionsOf(posted[0].card).find((a) => a.verb === 'verdict.rerun')!.data.runId;

    const inOwnersChannel = await bot.click('verdict.rerun', { runId: channelRunId }, posted[0].id, OPERATOR, inChannel);
    const card = inOwnersChannel?.value;
    const text = textOf(card);
    expect(text).toContain('Escalation for the identity team');
    expect(text).toContain(`escalated by ${OPERATOR.name}`);
    expect(text).toContain('What the help desk already did');
    expect(text).toMatch(/Re-run at \d{4}-\d\d-\d\d \d\d:\d\d UTC: the verdict now/);
    expect(executeActions(card).map((a) => a.verb)).not.toContain('escalate');
    expect(cardProblems(card)).toEqual([]);
    // The embedded verdict's toggles still point at its own elements.
    const ids = new Set<string>();
    JSON.stringify(card, (k, v) => (k === 'id' && typeof v === 'string' ? (expect(ids.has(v)).toBe(false), ids.add(v), v) : v));
    // Re-run again in the channel: still the escalation card.
    const rerunAgain = executeActions(card).find((a) => a.verb === 'verdict.rerun')!;
    expect(textOf((await bot.click('verdict.rerun', rerunAgain.data, posted[0].id, OPERATOR, inChannel))?.value)).toContain('Escalation for the identity team');

    const atHelpDesk = (await bot.click('verdict.rerun', { runId: verdict.runId }, verdict.id))?.value;
    expect(textOf(atHelpDesk)).toMatch(/Escalated to the identity team's channel by /);
    expect(actionsOf(atHelpDesk).map((a) => a.verb)).not.toContain('escalate');
  });

  it('refuses to escalate for someone who is not an operator', async () => {
    await bot.say('route identity here', OPERATOR, inChannel);
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    for (const who of [NON_OPERATOR, APPROVER]) {
      const { answer, posted, updated } = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id, who);
      expect(answer?.value).toMatch(/Only members of the Passkey Doctor operators group/);
      expect([posted, updated]).toEqual([[], []]);
    }
    expect(sharedCard(bot, verdict.id)).toEqual(verdict.card);
  });

  it('refuses to register a route from a personal chat, from a non-operator, or with an unknown team', async () => {
    expect(textOf(cardsIn(await bot.say('route identity here')))).toMatch(/in the identity team's channel, mentioning Passkey Doctor/);
    expect(textOf(cardsIn(await bot.say('route identity here', NON_OPERATOR, inChannel)))).toMatch(/Only members of the Passkey Doctor operators group/);
    expect(textOf(cardsIn(await bot.say('route payroll here', OPERATOR, inChannel)))).toMatch(/Type route identity here or route endpoint here/);
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    expect((await bot.click('escalate', { runId: verdict.runId }, verdict.id))?.value).toMatch(/No channel is registered/);
  });
});
