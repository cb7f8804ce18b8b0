import { REQUEST_TTL_MS } from '../../src/actions/approvalRequest';
import type { RemovalResult } from '../../src/actions/passkeyRemoval';
import { PEOPLE, failure, harness, runFor, type Harness } from './fakes';
import { removalSummary } from '../../src/cards/workflowSummaries';

function expectKind<K extends RemovalResult['kind']>(result: RemovalResult, kind: K): Extract<RemovalResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<RemovalResult, { kind: K }>;
}
const refusalCode = (result: RemovalResult) => expectKind(result, 'refused').code;
const PASSKEY = 'pk-1/+=';

async function requested(h: Harness, revokeSessions = false) {
  return expectKind(await h.removal.request(PEOPLE.operator, runFor(h.facts.world), PASSKEY, { conversationId: 'conv-1', revokeSessions }), 'requested').request;
}

async function viewed(h: Harness, id: string) {
  const record = await h.removal.view(id);
  if (!record) throw new Error(`no request ${id}`);
  return record;
}

describe('passkey removal', () => {
  it('lists the user’s passkeys with authenticator names and dates, for operators only', async () => {
    const h = harness();
    expect(await h.removal.list(PEOPLE.operator, runFor(h.facts.world))).toEqual({
      kind: 'passkeys',
      runId: 'run-1',
      target: { id: h.facts.world.user.id, userPrincipalName: 'alice@contoso.com', displayName: 'Alice Example' },
      passkeys: [{ id: PASSKEY, displayName: 'YubiKey 5 NFC', authenticatorName: 'YubiKey 5 Series', aaGuid: expect.any(String), passkeyType: 'deviceBound', createdDateTime: '2026-10-23T10:00:00.000Z' }],
    });
    expect(refusalCode(await h.removal.list(PEOPLE.approver, runFor(h.facts.world)))).toBe('AUTH.NOT_OPERATOR');
  });

  it('records a request for one passkey, waiting for an approver', async () => {
    const h = harness();
    const request = await requested(h, true);
    expect(request).toMatchObject({ kind: 'passkey-removal', state: 'requested', revokeSessions: true, passkey: { id: PASSKEY, authenticatorName: 'YubiKey 5 Series' } });
    expect(removalSummary(await viewed(h, request.id))).toBe(
      "Hana Patel asked to remove Alice Example's passkey YubiKey 5 NFC (added 2026-10-23 10:00 UTC) and sign them out everywhere; waiting for an approver.",
    );
    expect(refusalCode(await h.removal.request(PEOPLE.operator, runFor(h.facts.world), PASSKEY, { conversationId: 'conv-1' }))).toBe('REQUEST.ALREADY_OPEN');
  });

  it('refuses a passkey id the user does not have, and a requester who is not an operator', async () => {
    const h = harness();
    expect(refusalCode(await h.removal.request(PEOPLE.operator, runFor(h.facts.world), 'someone-elses-passkey'))).toBe('PASSKEY.NOT_FOUND');
    expect(refusalCode(await h.removal.request(PEOPLE.operator, runFor(h.facts.world), { id: PASSKEY }))).toBe('PASSKEY.NOT_FOUND');
    expect(refusalCode(await h.removal.request(PEOPLE.outsider, runFor(h.facts.world), PASSKEY))).toBe('AUTH.NOT_OPERATOR');
  });

  it('removes the passkey and revokes sessions once another approver approves', async () => {
    const h = harness();
    const request = await requested(h, true);
    const removed = expectKind(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'removed');
    expect(removed.request).toMatchObject({ state: 'removed', approvedBy: PEOPLE.approver, removed: { alreadyGone: false, sessionsRevoked: true } });
    expect(removalSummary(removed.request)).toMatch(/^Adele Vance removed Alice Example's passkey YubiKey 5 NFC .*; sessions revoked\.$/);
    expect([h.writes.deletes, h.writes.revokes]).toEqual([1, 1]);
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.what)).toEqual(['passkey.removed', 'sessions.revoked', 'passkey.removal-approved', 'passkey.removal-requested']);
  });

  it('refuses the requester’s own approval and non-approvers', async () => {
    const h = harness();
    const request = expectKind(await h.removal.request(PEOPLE.operatorApprover, runFor(h.facts.world), PASSKEY), 'requested').request;
    expect(refusalCode(await h.removal.approve(PEOPLE.operatorApprover, request.id))).toBe('AUTH.OWN_REQUEST');
    expect(refusalCode(await h.removal.approve(PEOPLE.operator, request.id))).toBe('AUTH.NOT_APPROVER');
    expect(h.writes.deletes).toBe(0);
  });

  it('deletes once when approvals race or repeat', async () => {
    const h = harness();
    const request = await requested(h);
    const results = await Promise.all([PEOPLE.approver, PEOPLE.secondApprover].map((who) => h.removal.approve(who, request.id, { conversationId: 'conv-1' })));
    expect(results.map((r) => r.kind).sort()).toEqual(['refused', 'removed']);
    expect(refusalCode(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.ALREADY_DONE');
    expect(h.writes.deletes).toBe(1);
  });

  it('leaves a failed delete retryable and names the missing permission', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.failures.delete = [{ code: 'PERMISSION_MISSING', status: 403, permission: 'UserAuthMethod-Passkey.ReadWrite.All', message: 'grant UserAuthMethod-Passkey.ReadWrite.All' }];
    const failed = expectKind(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'failed');
    expect(failed.message).toContain('UserAuthMethod-Passkey.ReadWrite.All');
    expectKind(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'removed');
  });

  it('counts a passkey that is already gone as removed', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.failures.delete = [failure('NOT_FOUND')];
    const removed = expectKind(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'removed');
    expect(removalSummary(removed.request)).toContain('(it was already gone)');
  });

  it('reports sessions that could not be revoked without undoing the removal', async () => {
    const h = harness();
    const request = await requested(h, true);
    h.writes.failures.revoke = [{ code: 'PERMISSION_MISSING', status: 403, permission: 'User.RevokeSessions.All', message: 'grant User.RevokeSessions.All' }];
    const removed = expectKind(await h.removal.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'removed');
    expect(removed.warning).toMatch(/not revoked: grant User\.RevokeSessions\.All/);
    expect(removalSummary(removed.request)).toMatch(/sessions NOT revoked/);
  });

  it('can be denied, and expires unanswered', async () => {
    const h = harness();
    const request = await requested(h);
    expectKind(await h.removal.deny(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'denied');
    expect(refusalCode(await h.removal.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.DENIED');

    const other = harness();
    const open = await requested(other);
    other.clock.advance(REQUEST_TTL_MS);
    expectKind(await other.removal.approve(PEOPLE.approver, open.id, { conversationId: 'conv-1' }), 'expired');
    expect(other.writes.deletes).toBe(0);
  });
});
