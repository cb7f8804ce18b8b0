/**
 * Requests made in a personal chat: posted to the approvers' channel
 * registered with `route approvals here` (approved there), refused with how
 * to register one when there is none; and one open TAP request per user.
 */
import { SANDBOX_USERS } from '../../src/sandbox';
import { APPROVER, diagnose, passIn, requestTapForAlice, tapPosts, textOf } from './actionFlows';
import { botHarness, OPERATOR, type BotHarness } from './harness';

const PERSONAL = { conversation: { id: 'a:personal-hana', isGroup: false, conversationType: 'personal', name: '' } };
const APPROVERS = { conversation: { id: '19:approvers@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'TAP approvals' } };
const ALICE = SANDBOX_USERS.noMfaMethod;

describe('where approval requests wait', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness({ settings: { approvalsInPersonalChat: false } });
  });
  afterEach(() => bot.close());

  it('refuses a request from a personal chat while no approvers channel is registered, saying how to register one', async () => {
    const { answer, request } = await requestTapForAlice(bot, OPERATOR, PERSONAL);
    expect(answer?.value).toContain('types "route approvals here" in that channel');
    expect(request).toBeUndefined();
  });

  it('posts a personal chat\'s request in the approvers channel, tells the requester where, and is approved there', async () => {
    const [registered] = await bot.say('route approvals here', OPERATOR, APPROVERS);
    expect(registered.text).toContain('will be posted in this channel');

    const { answer, request, requestId } = await requestTapForAlice(bot, OPERATOR, PERSONAL);
    expect(answer?.value).toBe('Asked for approval in “TAP approvals”, the approvers’ channel: a member of the TAP approvers group answers it there.');
    const posted = bot.adapter.shared.find((a) => a.id === request.id)!;
    expect(posted.conversation?.id).toBe(APPROVERS.conversation.id);

    const approved = await bot.click('tap.approve', { requestId }, request.id, APPROVER, APPROVERS);
    expect(passIn(approved)).toMatch(/\S{8,}/);
    expect(tapPosts(bot)).toHaveLength(1);
  });

  it('refuses "route approvals here" in a personal chat', async () => {
    expect(textOf(await bot.say('route approvals here', OPERATOR, PERSONAL))).toContain('approvers cannot see a personal chat');
  });

  it('refuses a second request for the same user while the first is open, naming who asked and when', async () => {
    await bot.say('route approvals here', OPERATOR, APPROVERS);
    const first = await requestTapForAlice(bot, OPERATOR, APPROVERS);
    expect(first.requestId).toBeDefined();
    const again = await diagnose(bot, ALICE.userPrincipalName, OPERATOR, APPROVERS);
    const second = await bot.click('tap.request', { runId: again.runId }, again.id, OPERATOR, APPROVERS);
    expect(second?.value).toMatch(new RegExp(`^${OPERATOR.name} already requested a pass for ${ALICE.displayName} at .+; approve or deny that one`));

    await bot.click('tap.deny', { requestId: first.requestId }, first.request.id, APPROVER, APPROVERS);
    const third = await bot.click('tap.request', { runId: again.runId }, again.id, OPERATOR, APPROVERS);
    expect(third?.value).toContain('Asked for approval');
  });

  it('lets only one of two simultaneous requests for the same user from two cards through', async () => {
    const first = await diagnose(bot, ALICE.userPrincipalName);
    const second = await diagnose(bot, ALICE.userPrincipalName);
    const answers = await Promise.all([first, second].map((card) => bot.click('tap.request', { runId: card.runId }, card.id)));
    const texts = answers.map((a) => String(a?.value));
    expect(texts.filter((t) => t.startsWith('Asked for approval'))).toHaveLength(1);
    expect(texts.filter((t) => /already requested a pass|being made right now/.test(t))).toHaveLength(1);
  });
});
