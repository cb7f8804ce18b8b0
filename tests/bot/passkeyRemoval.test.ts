/** Removing a lost passkey from the card: O'Neil's YubiKey, with an approver, and the sessions revoked on request. */
import { SANDBOX_USERS } from '../../src/sandbox';
import { actionsOf, APPROVER, clickAndCollect, diagnose, executeActions, sharedCard, textOf } from './actionFlows';
import { botHarness, NON_OPERATOR, OPERATOR, type BotHarness } from './harness';

const ONEIL = SANDBOX_USERS.registeredPasskey;

describe('passkey removal from the card', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  const writes = () => bot.sandbox.requestLog.filter((r) => r.method !== 'GET' && /fido2Methods|revokeSignInSessions/.test(r.path)).map((r) => `${r.method} ${r.path} ${r.status}`);

  async function listFor(from = OPERATOR) {
    const verdict = await diagnose(bot, ONEIL.userPrincipalName);
    return { verdict, ...(await clickAndCollect(bot, 'passkey.remove', { runId: verdict.runId }, verdict.id, from)) };
  }

  it('lists the passkeys to the clicker only, asks an approver, then deletes the passkey once and revokes the sessions', async () => {
    const { verdict, answer, posted, updated } = await listFor();
    expect([posted, updated]).toEqual([[], []]);
    expect(answer?.type).toBe('application/vnd.microsoft.card.adaptive');
    const list = answer!.value;
    expect(textOf(list)).toContain('YubiKey 5 NFC');
    expect(textOf(list)).toMatch(/YubiKey 5 Series[^·]* · device-bound · added \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(list.body.find((e: any) => e.id === 'revokeSessions')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true' });
    const [pick] = executeActions(list);
    expect(executeActions(list)).toEqual([expect.objectContaining({ verb: 'passkey.removal.request', data: { runId: verdict.runId, methodId: expect.any(String) } })]);

    const requested = await clickAndCollect(bot, 'passkey.removal.request', { ...pick.data, revokeSessions: 'true' }, verdict.id);
    expect(requested.answer?.value).toMatch(/request is the new card below/);
    const card = requested.posted[0];
    expect(textOf(card.card)).toMatch(new RegExp(`${OPERATOR.name} asked to remove ${ONEIL.displayName}'s passkey YubiKey 5 NFC.* and sign them out everywhere; waiting for an approver`));
    const requestId = actionsOf(card.card)[0].data.requestId;
    expect(actionsOf(card.card).map((a) => [a.verb, a.data])).toEqual([
      ['passkey.removal.approve', { requestId }],
      ['passkey.removal.deny', { requestId }],
    ]);

    const byOperator = await clickAndCollect(bot, 'passkey.removal.approve', { requestId }, card.id, OPERATOR);
    expect(byOperator.answer?.value).toMatch(/Only members of the TAP approvers group/);
    expect(writes()).toEqual([]);

    const approved = await clickAndCollect(bot, 'passkey.removal.approve', { requestId }, card.id, APPROVER);
    expect(textOf(approved.updated[0].card)).toMatch(new RegExp(`${APPROVER.name} removed ${ONEIL.displayName}'s passkey YubiKey 5 NFC.*; sessions revoked\\.`));
    expect(approved.answer?.value).toEqual(approved.updated[0].card);
    expect(actionsOf(approved.updated[0].card)).toEqual([]);
    expect(writes()).toEqual([`DELETE /users/${ONEIL.id}/authentication/fido2Methods/${pick.data.methodId} 204`, `POST /users/${ONEIL.id}/revokeSignInSessions 200`]);

    const replay = await clickAndCollect(bot, 'passkey.removal.approve', { requestId }, card.id, APPROVER);
    expect(replay.answer?.value).toMatch(/already removed this passkey/);
    expect(replay.updated).toEqual([]);
    expect(writes()).toHaveLength(2);
  });

  it('refuses a passkey id that is not one of the user’s passkeys now', async () => {
    const { verdict } = await listFor();
    for (const methodId of ['00000000-0000-0000-0000-000000000000', '../fido2Methods', 42]) {
      const { answer, posted } = await clickAndCollect(bot, 'passkey.removal.request', { runId: verdict.runId, methodId }, verdict.id);
      expect(answer?.value).toMatch(/has no such passkey/);
      expect(posted).toEqual([]);
    }
  });

  it('lets an approver deny, leaving the passkey in place', async () => {
    const { verdict, answer } = await listFor();
    const { methodId } = executeActions(answer!.value)[0].data;
    const { posted } = await clickAndCollect(bot, 'passkey.removal.request', { runId: verdict.runId, methodId, revokeSessions: 'false' }, verdict.id);
    const requestId = actionsOf(posted[0].card)[0].data.requestId;
    const denied = await clickAndCollect(bot, 'passkey.removal.deny', { requestId }, posted[0].id, APPROVER);
    expect(textOf(denied.updated[0].card)).toContain(`${APPROVER.name} denied removing ${ONEIL.displayName}'s passkey`);
    expect((await bot.click('passkey.removal.approve', { requestId }, posted[0].id, APPROVER))?.value).toMatch(/denied this request/);
    expect(writes()).toEqual([]);
    expect(textOf(sharedCard(bot, posted[0].id))).toContain('Denied');
  });

  it('refuses the list and the request to anyone who is not an operator', async () => {
    const { verdict, answer } = await listFor(NON_OPERATOR);
    expect(answer?.value).toMatch(/Only members of the Passkey Doctor operators group/);
    const forged = await clickAndCollect(bot, 'passkey.removal.request', { runId: verdict.runId, methodId: 'x' }, verdict.id, APPROVER);
    expect(forged.answer?.value).toMatch(/Only members of the Passkey Doctor operators group/);
    expect(forged.posted).toEqual([]);
  });
});
