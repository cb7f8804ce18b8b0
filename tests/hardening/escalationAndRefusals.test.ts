/**
 * An escalation whose channel post failed says "not delivered" and offers
 * Retry (it is no longer recorded as sent); a click or command refused by the
 * guard is audited — who, what, when — without reading the target.
 */
import { SANDBOX_USERS } from '../../src/sandbox';
import { ACCESS_REFUSALS, AuditTrail } from '../../src/store/auditTrail';
import { FileStorage } from '../../src/store/fileStorage';
import { VersionedStore } from '../../src/store/versionedStore';
import { actionsOf, CHANNEL, clickAndCollect, diagnose, textOf } from '../bot/actionFlows';
import { botHarness, NON_OPERATOR, OPERATOR, type BotHarness } from '../bot/harness';

const ALICE = SANDBOX_USERS.noMfaMethod;

describe('hardening: escalations and refusals', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('shows "not delivered" with Retry when the channel post fails, and a retry delivers it', async () => {
    await bot.say('route identity here', OPERATOR, { conversation: CHANNEL } as any);
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    const proactive = bot.adapter.continueConversationAsync.bind(bot.adapter);
    bot.adapter.continueConversationAsync = async () => {
      throw new Error('Forbidden: the bot is not in this team');
    };
    const failed = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);
    expect(failed.answer?.value).toMatch(/^Posting the escalation to the identity team's channel failed/);
    expect(failed.updated).toHaveLength(1);
    expect(textOf(failed.updated[0].card)).toContain('Not delivered: the escalation by');
    expect(actionsOf(failed.updated[0].card).map((a) => a.title)).toContain('Retry escalation');

    bot.adapter.continueConversationAsync = proactive;
    const retried = await clickAndCollect(bot, 'escalate', { runId: verdict.runId }, verdict.id);
    expect(retried.posted).toHaveLength(1);
    expect(textOf(retried.updated[0].card)).toContain("Escalated to the identity team's channel");
    expect(actionsOf(retried.updated[0].card).map((a) => a.title)).not.toContain('Retry escalation');
  });

  it('audits a click and a command refused by the guard, without reading the target', async () => {
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    bot.sandbox.clearLog();
    await bot.click('tap.request', { runId: verdict.runId }, verdict.id, NON_OPERATOR);
    await bot.say('diagnose alice@contoso.com', NON_OPERATOR);
    // Only the membership check reached Graph: nothing about Alice was read.
    expect(bot.sandbox.requestLog.filter((r) => !r.path.endsWith('/checkMemberGroups'))).toEqual([]);

    const audit = await new AuditTrail(new VersionedStore(new FileStorage(bot.stateDir))).recent(ACCESS_REFUSALS);
    expect(audit.map((e) => [e.who.id, e.what, e.note, e.requestId])).toEqual([
      [NON_OPERATOR.aadObjectId, 'access.refused', 'command diagnose', null],
      [NON_OPERATOR.aadObjectId, 'access.refused', 'click tap.request', verdict.runId],
    ]);
  });
});

