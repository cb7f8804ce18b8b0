/**
 * The TAP workflow through the real gateway and Graph writes against the
 * sandbox tenant: who may do what, exactly one Graph POST however the
 * approval is clicked, and every Graph failure leaving a retryable request.
 */
import type { TapResult } from '../../src/actions/tapWorkflow';
import type { JsonObject } from '../../src/sandbox';
import { SANDBOX_USERS } from '../../src/sandbox';
import { SANDBOX_PEOPLE as P, sandboxActions, type SandboxActions } from '../support/sandboxActions';
import { tapSummary } from '../../src/cards/workflowSummaries';

const ALICE = SANDBOX_USERS.noMfaMethod;
const where = { conversationId: 'conv-1' };

function expectKind<K extends TapResult['kind']>(result: TapResult, kind: K): Extract<TapResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<TapResult, { kind: K }>;
}
const refusalCode = (result: TapResult) => expectKind(result, 'refused').code;

function tapPolicy(s: SandboxActions): JsonObject {
  const configurations = s.t.sandbox.tenant.authenticationMethodsPolicy['authenticationMethodConfigurations'] as JsonObject[];
  return configurations.find((c) => c['id'] === 'TemporaryAccessPass')!;
}

describe('TAP workflow against the sandbox tenant', () => {
  let s: SandboxActions;
  beforeEach(async () => {
    s = await sandboxActions();
  });
  afterEach(() => s.close());

  async function requestForAlice(runId = 'run-1') {
    return expectKind(await s.services.tap.request(P.operator, await s.run(ALICE.userPrincipalName, runId), where), 'requested').request;
  }

  it('issues a one-time pass for Alice with the policy’s lifetime, in one POST by object id', async () => {
    const request = await requestForAlice();
    const issued = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'issued');

    expect(issued.secret.reveal()).toMatch(/^\S{8}$/);
    expect(issued.request.issued).toMatchObject({ lifetimeInMinutes: 60, isUsableOnce: true });
    expect(s.tapPosts().map((r) => `${r.path} ${r.status}`)).toEqual([`/users/${ALICE.id}/authentication/temporaryAccessPassMethods 201`]);
    const rerun = await s.t.diagnose(ALICE.userPrincipalName);
    expect(rerun.layers[2].findings.map((f) => f.code)).toContain('L3.TAP_USABLE');
  });

  it('refuses the requester approving their own request', async () => {
    const request = expectKind(await s.services.tap.request(P.approver, await s.run(ALICE.userPrincipalName), where), 'requested').request;
    expect(refusalCode(await s.services.tap.approve(P.approver, request.id, where))).toBe('AUTH.OWN_REQUEST');
    expect(s.tapPosts()).toEqual([]);
  });

  it('refuses an operator who is not an approver, and a requester who is not an operator', async () => {
    const request = await requestForAlice();
    expect(refusalCode(await s.services.tap.approve(P.operator, request.id, where))).toBe('AUTH.NOT_APPROVER');
    expect(refusalCode(await s.services.tap.approve(P.nobody, request.id, where))).toBe('AUTH.NOT_APPROVER');
    expect(refusalCode(await s.services.tap.request(P.secondApprover, await s.run(ALICE.userPrincipalName, 'run-2'), where))).toBe('AUTH.NOT_OPERATOR');
    expect(s.tapPosts()).toEqual([]);
  });

  it('issues for the user of the stored request only, whatever else forged data carries', async () => {
    const request = await requestForAlice();
    const forged = { ...where, requestId: 'tap-run-9', userId: SANDBOX_USERS.mfaStale.id, upn: SANDBOX_USERS.mfaStale.userPrincipalName } as never;
    expectKind(await s.services.tap.approve(P.approver, request.id, forged), 'issued');
    expect(s.tapPosts().map((r) => r.path)).toEqual([`/users/${ALICE.id}/authentication/temporaryAccessPassMethods`]);
    expect(refusalCode(await s.services.tap.approve(P.approver, 'tap-run-9', where))).toBe('REQUEST.UNKNOWN');
  });

  it('sends exactly one POST when approvals are replayed and race', async () => {
    const request = await requestForAlice();
    const racing = await Promise.all([P.approver, P.secondApprover, P.approver, P.secondApprover].map((who) => s.services.tap.approve(who, request.id, where)));
    const replayed = await s.services.tap.approve(P.approver, request.id, where);

    expect(racing.filter((r) => r.kind === 'issued')).toHaveLength(1);
    expect(refusalCode(replayed)).toBe('REQUEST.ALREADY_DONE');
    expect(s.tapPosts()).toHaveLength(1);
  });

  it('refuses a privileged user, suggesting escalation, without calling the TAP API', async () => {
    const result = expectKind(await s.services.tap.request(P.operator, await s.run(SANDBOX_USERS.excluded.userPrincipalName), where), 'refused');
    expect(result).toMatchObject({ code: 'TARGET.PRIVILEGED', suggest: 'escalate' });
    expect(refusalCode(await s.services.tap.request(P.operator, await s.run(SANDBOX_USERS.guest.userPrincipalName, 'run-2'), where))).toBe('TARGET.GUEST');
    expect(s.tapPosts()).toEqual([]);
  });

  it('asks before replacing Alice’s usable pass, then replaces it with one more POST', async () => {
    const first = await requestForAlice('run-1');
    expectKind(await s.services.tap.approve(P.approver, first.id, where), 'issued');
    const second = await requestForAlice('run-2');
    expectKind(await s.services.tap.approve(P.secondApprover, second.id, where), 'confirm-replace');
    expect(s.tapPosts()).toHaveLength(1);
    expectKind(await s.services.tap.approve(P.secondApprover, second.id, { ...where, replaceExisting: true }), 'issued');
    expect(s.tapPosts()).toHaveLength(2);
  });

  describe('Graph failures leave the request retryable with a clear message', () => {
    it('400 lifetime out of bounds: the policy changed after it was cached; the retry reads it afresh', async () => {
      const request = await requestForAlice();
      tapPolicy(s)['minimumLifetimeInMinutes'] = 120;
      const failed = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'failed');
      expect(failed.message).toMatch(/The valid range between 120 and 480\..*approve again/);
      expect(failed.request.state).toBe('failed');

      const issued = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'issued');
      expect(issued.request.issued?.lifetimeInMinutes).toBe(120);
      expect(s.tapPosts().map((r) => r.status)).toEqual([400, 201]);
    });

    it('400 external guest: Alice became an external guest between the check and the POST', async () => {
      const request = await requestForAlice();
      const alice = s.t.sandbox.tenant.users.find((u) => u['id'] === ALICE.id)!;
      const gather = s.t.gateway.gather.bind(s.t.gateway);
      jest.spyOn(s.t.gateway, 'gather').mockImplementationOnce(async (subject) => {
        const facts = await gather(subject);
        Object.assign(alice, { userType: 'Guest', userPrincipalName: 'alice_fabrikam.com#EXT#@contoso.com' });
        return facts;
      });
      const failed = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'failed');
      expect(failed.message).toMatch(/external guest.*escalate/);
      expect(failed.request.state).toBe('failed');
      expect(refusalCode(await s.services.tap.approve(P.approver, request.id, where))).toBe('TARGET.GUEST');
      expect(s.tapPosts().map((r) => r.status)).toEqual([400]);
    });

    it('403 missing permission names UserAuthMethod-TAP.ReadWrite.All; the retry after consent issues', async () => {
      const request = await requestForAlice();
      s.t.sandbox.setFaults({ rules: [{ match: '/temporaryAccessPassMethods$', method: 'POST', status: 403 }] });
      const failed = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'failed');
      expect(failed.message).toContain('grant the UserAuthMethod-TAP.ReadWrite.All application permission');
      expect(tapSummary(failed.request)).toMatch(/could not be issued.*An approver can try again/);
      s.t.sandbox.setFaults({});
      expectKind(await s.services.tap.approve(P.secondApprover, request.id, where), 'issued');
    });

    it('429 throttled: retries after Retry-After, then says to try again, and the retry issues', async () => {
      const request = await requestForAlice();
      s.t.sandbox.setFaults({ rules: [{ match: '/temporaryAccessPassMethods$', method: 'POST', status: 429, retryAfterSeconds: 0.01 }] });
      const failed = expectKind(await s.services.tap.approve(P.approver, request.id, where), 'failed');
      expect(failed.message).toMatch(/throttling.*nothing was changed.*Try again/);
      expect(s.tapPosts().map((r) => r.status)).toEqual([429, 429, 429]);
      s.t.sandbox.setFaults({});
      expectKind(await s.services.tap.approve(P.approver, request.id, where), 'issued');
    });
  });
});
