/**
 * Request TAP → approve through the bot, and every way of abusing it: the pass
 * reaches the approver's own click answer once and nothing shared; refusals
 * are for the clicker only and change nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_USERS } from '../../src/sandbox';
import {
  actionsOf,
  addToGroup,
  APPROVER,
  CAROL,
  clickAndCollect,
  diagnose,
  occurrences,
  passIn,
  requestTapForAlice,
  sharedCard,
  tapPosts,
  textOf,
} from './actionFlows';
import { botHarness, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const ALICE = SANDBOX_USERS.noMfaMethod;
const stateFiles = (bot: BotHarness) =>
  readdirSync(bot.stateDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));

describe('Temporary Access Pass from the card', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it('posts a request card that shows who asked and waits, with Approve and Deny carrying only the request id', async () => {
    const { verdict, answer, request, requestId } = await requestTapForAlice(bot);
    expect(answer?.value).toMatch(/request is the new card below/);
    expect(textOf(request.card)).toContain(`${OPERATOR.name} asked for a Temporary Access Pass for ${ALICE.displayName}`);
    expect(textOf(request.card)).toContain('Waiting for an approver');
    expect(actionsOf(request.card).map((a) => [a.verb, a.data])).toEqual([
      ['tap.approve', { requestId }],
      ['tap.deny', { requestId }],
    ]);
    expect(sharedCard(bot, verdict.id)).toEqual(verdict.card);
    expect(tapPosts(bot)).toEqual([]);
  });

  it("shows the pass once, in the approver's own answer only; the shared card says who issued it, for whom, when and one-time", async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    const { answer, updated, posted } = await clickAndCollect(bot, 'tap.approve', { requestId }, request.id, APPROVER);

    const pass = passIn(answer);
    expect(pass).toMatch(/^\S{8,}$/);
    expect(occurrences(textOf(answer), pass)).toBe(1);
    expect(answer!.value.refresh).toBeUndefined();
    expect(answer!.value.actions ?? []).toEqual([]);
    expect(textOf(answer)).toContain('https://mysignins.microsoft.com/security-info');
    expect(textOf(answer)).toContain('within 5 minutes');

    expect(posted).toEqual([]);
    expect(updated.map((u) => u.id)).toEqual([request.id]);
    expect(textOf(updated[0].card)).toMatch(
      new RegExp(`TAP issued by ${APPROVER.name} for ${ALICE.displayName}, valid from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC to \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, one-time\\.`),
    );
    expect(actionsOf(updated[0].card)).toEqual([]);
    expect(textOf(bot.adapter.shared)).not.toContain(pass);
    expect(bot.logs.filter((line) => line.includes(pass))).toEqual([]);
    expect(stateFiles(bot).filter((file) => file.includes(pass))).toEqual([]);
    expect(tapPosts(bot)).toHaveLength(1);
  });

  it('refuses the requester approving their own request, privately, while TAP_SECOND_APPROVER is on', async () => {
    addToGroup(bot, 'operators', APPROVER);
    const { request, requestId } = await requestTapForAlice(bot, APPROVER);
    const { answer, updated, posted } = await clickAndCollect(bot, 'tap.approve', { requestId }, request.id, APPROVER);
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/You made this request, so another approver must answer it/) });
    expect([updated, posted]).toEqual([[], []]);
    expect(tapPosts(bot)).toEqual([]);
  });

  it('lets the requester approve their own request when TAP_SECOND_APPROVER=false', async () => {
    await bot.close();
    bot = await botHarness({ env: { TAP_SECOND_APPROVER: 'false' } });
    addToGroup(bot, 'operators', APPROVER);
    const { request, requestId } = await requestTapForAlice(bot, APPROVER);
    passIn(await bot.click('tap.approve', { requestId }, request.id, APPROVER));
    expect(tapPosts(bot)).toHaveLength(1);
  });

  it('refuses approvals from anyone outside the TAP approvers group, operators included, before reading anything', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    for (const who of [OPERATOR, CAROL, { id: '29:x', name: 'No Entra id', aadObjectId: '' }]) {
      const { answer, updated } = await clickAndCollect(bot, 'tap.approve', { requestId }, request.id, who);
      expect(answer?.value).toBe('Only members of the TAP approvers group can do this, so nothing was changed.');
      expect(updated).toEqual([]);
    }
    expect(textOf(sharedCard(bot, request.id))).toContain('Waiting for an approver');
    expect(tapPosts(bot)).toEqual([]);
  });

  it('refuses "Request TAP" from anyone who is not an operator, approvers included', async () => {
    const verdict = await diagnose(bot, ALICE.userPrincipalName);
    for (const who of [NON_OPERATOR, APPROVER]) {
      const { answer, posted } = await clickAndCollect(bot, 'tap.request', { runId: verdict.runId }, verdict.id, who);
      expect(answer?.value).toMatch(/Only members of the Passkey Doctor operators group/);
      expect(posted).toEqual([]);
    }
  });

  it('does not trust card data: forged, malformed and foreign request ids are refused and extra fields are ignored', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    const forged = [
      { requestId: 'tap-6f1c2b1e-2a8e-4f7e-9d51-0c2f3c7b9a10' },
      { requestId: '../../workflow/tap-x' },
      { requestId: { $ne: null } },
      {},
    ];
    for (const data of forged) {
      const { answer, updated } = await clickAndCollect(bot, 'tap.approve', data, request.id, APPROVER);
      expect(answer?.value).toMatch(/knows no such request/);
      expect(updated).toEqual([]);
    }
    const elsewhere = { conversation: { id: 'another-chat', isGroup: true, conversationType: 'groupChat', name: 'x' } } as any;
    expect((await bot.click('tap.approve', { requestId }, request.id, APPROVER, elsewhere))?.value).toMatch(/belongs to another conversation/);
    expect(tapPosts(bot)).toEqual([]);

    const dave = SANDBOX_USERS.mfaStale;
    const { answer } = await clickAndCollect(bot, 'tap.approve', { requestId, userId: dave.id, upn: dave.userPrincipalName, lifetimeInMinutes: 9999 }, request.id, APPROVER);
    passIn(answer);
    expect(tapPosts(bot).map((r) => r.path)).toEqual([`/users/${ALICE.id}/authentication/temporaryAccessPassMethods`]);
  });

  it('never shows the pass again: a replayed approve, another approver and a stale card are refused', async () => {
    addToGroup(bot, 'tapApprovers', CAROL);
    const { request, requestId } = await requestTapForAlice(bot);
    const first = await bot.click('tap.approve', { requestId }, request.id, APPROVER);
    const pass = passIn(first);
    for (const who of [APPROVER, CAROL]) {
      const again = await clickAndCollect(bot, 'tap.approve', { requestId }, request.id, who);
      expect(again.answer?.type).toBe('application/vnd.microsoft.activity.message');
      expect(again.answer?.value).toMatch(/already issued this pass; it was shown once, to them, and is never shown again/);
      expect(textOf(again)).not.toContain(pass);
      expect(again.updated).toEqual([]);
    }
    const deny = await bot.click('tap.deny', { requestId }, request.id, CAROL);
    expect(deny?.value).toMatch(/already issued/);
    expect(tapPosts(bot)).toHaveLength(1);
  });

  it('issues exactly one pass when approvals race (double clicks, two approvers at once)', async () => {
    addToGroup(bot, 'tapApprovers', CAROL);
    const { request, requestId } = await requestTapForAlice(bot);
    const answers = await Promise.all([APPROVER, CAROL, APPROVER, CAROL, APPROVER].map((who) => bot.click('tap.approve', { requestId }, request.id, who)));
    const cards = answers.filter((a) => a?.type === 'application/vnd.microsoft.card.adaptive');
    expect(cards).toHaveLength(1);
    const pass = passIn(cards[0]);
    expect(answers.filter((a) => a !== cards[0]).every((a) => typeof a?.value === 'string' && !a.value.includes(pass))).toBe(true);
    expect(tapPosts(bot)).toHaveLength(1);
    expect(textOf(sharedCard(bot, request.id))).toMatch(/TAP issued by/);
  });

  it.each([
    [403, /grant the UserAuthMethod-TAP\.ReadWrite\.All application permission/],
    [429, /throttling requests.*nothing was changed.*Try again/],
  ] as const)('tells the approver privately when Graph answers %s, keeps Approve on the shared card, and issues on retry', async (status, message) => {
    const { request, requestId } = await requestTapForAlice(bot);
    bot.sandbox.setFaults({ rules: [{ match: '/temporaryAccessPassMethods$', method: 'POST', status, retryAfterSeconds: 0.01 }] });
    const failed = await clickAndCollect(bot, 'tap.approve', { requestId }, request.id, APPROVER);
    expect(failed.answer?.type).toBe('application/vnd.microsoft.activity.message');
    expect(failed.answer?.value).toMatch(message);
    expect(textOf(failed.updated[0].card)).toMatch(/could not be issued.*An approver can try again/);
    expect(actionsOf(failed.updated[0].card).map((a) => a.verb)).toEqual(['tap.approve', 'tap.deny']);

    bot.sandbox.setFaults({});
    const retried = await bot.click('tap.approve', { requestId }, request.id, APPROVER);
    passIn(retried);
    expect(tapPosts(bot).map((r) => r.status)).toEqual([...(status === 429 ? [429, 429, 429, 429] : [403]), 201]);
  });

  it('lets an approver deny: the card says so for everyone, and a later approve is refused', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    const denied = await clickAndCollect(bot, 'tap.deny', { requestId }, request.id, APPROVER);
    expect(textOf(denied.updated[0].card)).toContain(`${APPROVER.name} denied the Temporary Access Pass for ${ALICE.displayName}`);
    expect(actionsOf(denied.updated[0].card)).toEqual([]);
    expect((await bot.click('tap.approve', { requestId }, request.id, APPROVER))?.value).toMatch(/denied this request/);
    expect(tapPosts(bot)).toEqual([]);
  });

  it('asks the approver privately before replacing a usable pass (even when the click claims to confirm), then replaces it on "Replace it"', async () => {
    const { request, requestId } = await requestTapForAlice(bot);
    const existing = await fetch(`${bot.sandbox.url}/v1.0/users/${ALICE.id}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lifetimeInMinutes: 60, isUsableOnce: true }),
    });
    expect(existing.status).toBe(201);
    bot.sandbox.clearLog();

    // "Replace it" forged onto a first click is not a confirmation: the approver must have been asked.
    const asked = await clickAndCollect(bot, 'tap.approve', { requestId, replaceExisting: true }, request.id, APPROVER);
    expect(asked.answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(asked.answer)).toMatch(/already has a usable Temporary Access Pass.*Replace it\?/);
    expect(actionsOf(asked.answer!.value).map((a) => [a.verb, a.data])).toEqual([['tap.approve', { requestId, replaceExisting: true }]]);
    expect(textOf(asked.updated[0].card)).toContain('must confirm replacing it');
    expect(tapPosts(bot)).toEqual([]);

    passIn(await bot.click('tap.approve', { requestId, replaceExisting: true }, request.id, APPROVER));
    expect(tapPosts(bot)).toHaveLength(1);
  });

  it('refuses a pass for a privileged user even when the click is forged on a card that does not offer it', async () => {
    const bob = await diagnose(bot, SANDBOX_USERS.excluded.userPrincipalName);
    expect(actionsOf(bob.card).map((a) => a.verb)).not.toContain('tap.request');
    const { answer, posted } = await clickAndCollect(bot, 'tap.request', { runId: bob.runId }, bob.id);
    expect(answer?.value).toMatch(/must come from a Privileged Authentication Administrator/);
    expect(posted).toEqual([]);
  });

  it('refuses a second request for the same card and honours TAP_REQUESTS_PER_HOUR', async () => {
    await bot.close();
    bot = await botHarness({ env: { TAP_REQUESTS_PER_HOUR: '1' } });
    const { verdict, request, requestId } = await requestTapForAlice(bot);
    expect((await bot.click('tap.request', { runId: verdict.runId }, verdict.id))?.value).toMatch(/already requested a pass for Alice Wong/);
    // Denied, so no request for Alice is open: the next one meets the hourly limit.
    await bot.click('tap.deny', { requestId }, request.id, APPROVER);
    const again = await diagnose(bot, ALICE.userPrincipalName);
    const limited = await clickAndCollect(bot, 'tap.request', { runId: again.runId }, again.id);
    expect(limited.answer?.value).toMatch(/requested 1 Temporary Access Passes in the last hour, the most allowed \(TAP_REQUESTS_PER_HOUR\)/);
    expect(limited.posted).toEqual([]);
  });
});
