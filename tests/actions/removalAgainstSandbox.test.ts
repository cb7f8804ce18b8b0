/** Passkey removal and session revocation through the real Graph writes against the sandbox tenant. */
import type { RemovalResult } from '../../src/actions/passkeyRemoval';
import { SANDBOX_USERS } from '../../src/sandbox';
import { SANDBOX_PEOPLE as P, sandboxActions, type SandboxActions } from '../support/sandboxActions';

const ONEIL = SANDBOX_USERS.registeredPasskey;
const where = { conversationId: 'conv-1' };

function expectKind<K extends RemovalResult['kind']>(result: RemovalResult, kind: K): Extract<RemovalResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<RemovalResult, { kind: K }>;
}

describe('passkey removal against the sandbox tenant', () => {
  let s: SandboxActions;
  beforeEach(async () => {
    s = await sandboxActions();
  });
  afterEach(() => s.close());

  const writes = () => s.t.sandbox.requestLog.filter((r) => r.method !== 'GET' && /fido2Methods|revokeSignInSessions/.test(r.path));

  it('lists, requests, approves once, deletes the passkey and revokes sessions', async () => {
    const run = await s.run(ONEIL.userPrincipalName);
    const listed = expectKind(await s.services.removal.list(P.operator, run), 'passkeys');
    expect(listed.passkeys).toEqual([expect.objectContaining({ displayName: 'YubiKey 5 NFC', authenticatorName: expect.stringContaining('YubiKey 5') })]);

    const request = expectKind(await s.services.removal.request(P.operator, run, listed.passkeys[0].id, { ...where, revokeSessions: true }), 'requested').request;
    const results = await Promise.all([P.approver, P.secondApprover].map((who) => s.services.removal.approve(who, request.id, where)));
    expect(results.map((r) => r.kind).sort()).toEqual(['refused', 'removed']);

    expect(writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `DELETE /users/${ONEIL.id}/authentication/fido2Methods/${listed.passkeys[0].id} 204`,
      `POST /users/${ONEIL.id}/revokeSignInSessions 200`,
    ]);
    expect(expectKind(await s.services.removal.list(P.operator, run), 'passkeys').passkeys).toEqual([]);
  });

  it('leaves the request retryable when the passkey permission is missing, naming it', async () => {
    const run = await s.run(ONEIL.userPrincipalName);
    const [passkey] = expectKind(await s.services.removal.list(P.operator, run), 'passkeys').passkeys;
    const request = expectKind(await s.services.removal.request(P.operator, run, passkey.id, where), 'requested').request;
    s.t.sandbox.setFaults({ rules: [{ match: '/fido2Methods/', method: 'DELETE', status: 403 }] });
    expect(await s.services.removal.approve(P.approver, request.id, where)).toMatchObject({ kind: 'failed', message: expect.stringContaining('UserAuthMethod-Passkey.ReadWrite.All') });
    s.t.sandbox.setFaults({});
    expectKind(await s.services.removal.approve(P.approver, request.id, where), 'removed');
  });
});
