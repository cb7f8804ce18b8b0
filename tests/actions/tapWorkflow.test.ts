import { MemoryStorage } from 'botbuilder';
import { REQUEST_TTL_MS } from '../../src/actions/approvalRequest';
import { CLAIM_STALE_MS } from '../../src/actions/approvalWorkflow';
import type { TapResult } from '../../src/actions/tapWorkflow';
import { known, missing } from '../../src/model/facts';
import { gap } from '../diagnosis/builders';
import { PEOPLE, TAP_CODE, failure, harness, runFor, runForOwnUser, type Harness } from './fakes';
import { replaceQuestion, tapInstructions, tapSummary } from '../../src/cards/workflowSummaries';

type Kind = TapResult['kind'];
function expectKind<K extends Kind>(result: TapResult, kind: K): Extract<TapResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<TapResult, { kind: K }>;
}
const refusalCode = (result: TapResult) => expectKind(result, 'refused').code;

async function requested(h: Harness, runId = 'run-1', run = runFor(h.facts.world, runId)) {
  return expectKind(await h.tap.request(PEOPLE.operator, run, { conversationId: 'conv-1' }), 'requested').request;
}

const stored = (h: Harness) => JSON.stringify((h.storage as unknown as { memory: Record<string, string> }).memory);

describe('TAP workflow: requesting', () => {
  it('records a request by an operator, waiting for an approver, and audits it', async () => {
    const h = harness();
    const result = expectKind(await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'conv-1' }), 'requested');

    expect(result.request).toMatchObject({ kind: 'tap', id: 'tap-run-1', state: 'requested', requestedBy: PEOPLE.operator, conversationId: 'conv-1', rootCause: 'L3.NO_MFA_METHOD' });
    expect(tapSummary(result.request)).toBe('Hana Patel asked for a Temporary Access Pass for Alice Example at 2026-11-22 10:00 UTC; waiting for an approver.');
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.what)).toEqual(['tap.requested']);
  });

  it('refuses a requester who is not an operator, stores nothing and audits the attempt', async () => {
    const h = harness();
    for (const who of [PEOPLE.approver, PEOPLE.outsider, { id: 'not-a-guid', name: 'Forged' }]) {
      expect(refusalCode(await h.tap.request(who, runFor(h.facts.world)))).toBe('AUTH.NOT_OPERATOR');
    }
    expect(await h.tap.view('tap-run-1')).toBeUndefined();
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.note)).toEqual(['AUTH.NOT_OPERATOR', 'AUTH.NOT_OPERATOR', 'AUTH.NOT_OPERATOR']);
  });

  it('refuses when membership cannot be checked rather than letting anyone through', async () => {
    const h = harness();
    h.directory.failing = true;
    expect(refusalCode(await h.tap.request(PEOPLE.operator, runFor(h.facts.world)))).toBe('AUTH.CHECK_FAILED');
  });

  it('refuses while no approvers group is configured', async () => {
    const h = harness({ approvers: null });
    const result = expectKind(await h.tap.request(PEOPLE.operator, runFor(h.facts.world)), 'refused');
    expect(result).toMatchObject({ code: 'AUTH.NOT_CONFIGURED', message: expect.stringContaining('TAP_APPROVERS_GROUP_ID') });
  });

  it('finds the open request on a second click instead of making another', async () => {
    const h = harness({ perHour: 1 });
    await requested(h);
    const again = expectKind(await h.tap.request(PEOPLE.operator, runFor(h.facts.world)), 'refused');
    expect(again).toMatchObject({ code: 'REQUEST.ALREADY_OPEN', request: { id: 'tap-run-1', state: 'requested' } });
  });

  it('refuses a run without a user or with a malformed id', async () => {
    const h = harness();
    const run = runFor(h.facts.world);
    expect(refusalCode(await h.tap.request(PEOPLE.operator, { ...run, verdict: { ...run.verdict, user: null } }))).toBe('TARGET.NOT_FOUND');
    expect(refusalCode(await h.tap.request(PEOPLE.operator, { ...run, runId: '../../etc' }))).toBe('REQUEST.UNKNOWN');
  });

  it('limits each operator to TAP_REQUESTS_PER_HOUR and says when they can ask again', async () => {
    const h = harness({ perHour: 2 });
    await requested(h, 'run-1', runForOwnUser(h, 'run-1'));
    await requested(h, 'run-2', runForOwnUser(h, 'run-2'));
    const third = expectKind(await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-3')), 'refused');
    expect(third).toMatchObject({ code: 'REQUEST.RATE_LIMITED', message: expect.stringContaining('2026-11-22 11:00 UTC') });
    expectKind(await h.tap.request(PEOPLE.operatorApprover, runForOwnUser(h, 'run-3')), 'requested');
    h.clock.advance(3_600_001);
    expectKind(await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-4')), 'requested');
  });

  it('does not count a refused request against the limit', async () => {
    const h = harness({ perHour: 1 });
    h.facts.roles = known(['62e90394-69f5-4237-9190-012177145e10']);
    expect(refusalCode(await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-1')))).toBe('TARGET.PRIVILEGED');
    h.facts.roles = known([]);
    expectKind(await h.tap.request(PEOPLE.operator, runForOwnUser(h, 'run-2')), 'requested');
  });
});

describe('TAP workflow: pre-issue checks', () => {
  const refusalFor = async (change: (h: Harness) => void) => {
    const h = harness();
    change(h);
    return expectKind(await h.tap.request(PEOPLE.operator, runFor(h.facts.world)), 'refused');
  };

  it('refuses a privileged user and suggests escalating to a Privileged Authentication Administrator', async () => {
    const refusal = await refusalFor((h) => (h.facts.roles = known(['62e90394-69f5-4237-9190-012177145e10'])));
    expect(refusal).toMatchObject({ code: 'TARGET.PRIVILEGED', suggest: 'escalate', message: expect.stringContaining('Privileged Authentication Administrator') });
  });

  it('refuses a guest, by user type or by #EXT# name', async () => {
    expect((await refusalFor((h) => (h.facts.world.user.userType = 'Guest'))).code).toBe('TARGET.GUEST');
    expect((await refusalFor((h) => (h.facts.world.user.userPrincipalName = 'al_fabrikam.com#EXT#@contoso.com'))).code).toBe('TARGET.GUEST');
  });

  it('refuses a disabled account', async () => {
    expect((await refusalFor((h) => (h.facts.world.user.accountEnabled = false))).code).toBe('TARGET.DISABLED');
  });

  it('refuses when the TAP method is off, or the user is outside or excluded from its scope', async () => {
    expect((await refusalFor((h) => (h.facts.world.policy.temporaryAccessPass.state = 'disabled'))).code).toBe('TARGET.TAP_DISABLED');
    const notIncluded = await refusalFor((h) => (h.facts.world.policy.temporaryAccessPass.includeTargets = [{ id: 'cccccccc-0000-4000-8000-000000000000', targetType: 'group' }]));
    expect(notIncluded).toMatchObject({ code: 'TARGET.TAP_OUT_OF_SCOPE', message: expect.stringContaining('not included in') });
    const excluded = await refusalFor((h) => (h.facts.world.policy.temporaryAccessPass.excludeTargets = [{ id: h.facts.world.memberOf.ok ? h.facts.world.memberOf.value[0] : '', targetType: 'group' }]));
    expect(excluded).toMatchObject({ code: 'TARGET.TAP_OUT_OF_SCOPE', message: expect.stringContaining('excluded from') });
  });

  it('refuses rather than guesses when a fact could not be read', async () => {
    expect((await refusalFor((h) => (h.facts.roles = missing(gap('GRAPH.PERMISSION_MISSING'))))).code).toBe('TARGET.UNCHECKED');
    expect((await refusalFor((h) => (h.facts.world.policyFact = missing(gap('GRAPH.THROTTLED'))))).code).toBe('TARGET.UNCHECKED');
    expect((await refusalFor((h) => (h.facts.world.memberOf = missing(gap('GRAPH.UNAVAILABLE'))))).code).toBe('TARGET.UNCHECKED');
    expect((await refusalFor((h) => (h.facts.failing = true))).code).toBe('GRAPH.FAILED');
  });

  it('refuses when the diagnosed user is no longer the one Graph finds', async () => {
    const h = harness();
    const run = runFor(h.facts.world);
    h.facts.world.user.id = 'dddddddd-0000-4000-8000-000000000000';
    expect(refusalCode(await h.tap.request(PEOPLE.operator, run))).toBe('TARGET.NOT_FOUND');
  });

  it('uses the policy default lifetime clamped to its minimum and maximum, one-time as policy or TAP_ONE_TIME demand', async () => {
    const issue = async (policy: { defaultLifetimeInMinutes: number; isUsableOnce: boolean }, oneTime: boolean) => {
      const h = harness({ oneTime });
      Object.assign(h.facts.world.policy.temporaryAccessPass, { minimumLifetimeInMinutes: 60, maximumLifetimeInMinutes: 480, ...policy });
      const request = await requested(h);
      const issued = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');
      return issued.request.issued!;
    };
    expect(await issue({ defaultLifetimeInMinutes: 30, isUsableOnce: false }, true)).toMatchObject({ lifetimeInMinutes: 60, isUsableOnce: true });
    expect(await issue({ defaultLifetimeInMinutes: 600, isUsableOnce: true }, false)).toMatchObject({ lifetimeInMinutes: 480, isUsableOnce: true });
    expect(await issue({ defaultLifetimeInMinutes: 120, isUsableOnce: false }, false)).toMatchObject({ lifetimeInMinutes: 120, isUsableOnce: false });
  });
});

describe('TAP workflow: approving and issuing', () => {
  it('issues the pass to the approver once, shares only who, when and how long, and tells what to say to the user', async () => {
    const h = harness();
    const request = await requested(h);
    const issued = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');

    expect(issued.secret.reveal()).toBe(TAP_CODE);
    expect(tapSummary(issued.request)).toBe('TAP issued by Adele Vance for Alice Example, valid from 2026-11-22 10:00 UTC to 2026-11-22 11:00 UTC, one-time.');
    expect(tapInstructions(issued.request, issued.registrationMinutes).join(' ')).toMatch(/https:\/\/mysignins\.microsoft\.com\/security-info.*within 5 minutes.*only time it is shown/);
    expect(issued.request).toMatchObject({ state: 'issued', approvedBy: PEOPLE.approver, issued: { methodId: 'tap-1', lifetimeInMinutes: 60, isUsableOnce: true } });
    expect(h.writes.creates).toBe(1);
    expect(JSON.stringify(issued.request)).not.toContain(TAP_CODE);
    expect(JSON.stringify(issued)).not.toContain(TAP_CODE);
    expect(stored(h)).not.toContain(TAP_CODE);
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.what)).toEqual(['tap.issued', 'tap.approved', 'tap.requested']);
  });

  it('refuses the requester approving their own request while a second approver is required', async () => {
    const h = harness();
    const request = expectKind(await h.tap.request(PEOPLE.operatorApprover, runFor(h.facts.world)), 'requested').request;
    expect(refusalCode(await h.tap.approve(PEOPLE.operatorApprover, request.id))).toBe('AUTH.OWN_REQUEST');
    expect(h.writes.creates).toBe(0);
  });

  it('lets the requester approve their own request when TAP_SECOND_APPROVER is off', async () => {
    const h = harness({ secondApprover: false });
    const request = expectKind(await h.tap.request(PEOPLE.operatorApprover, runFor(h.facts.world)), 'requested').request;
    expectKind(await h.tap.approve(PEOPLE.operatorApprover, request.id), 'issued');
  });

  it('refuses an approval by anyone outside the approvers group, whatever the card data says', async () => {
    const h = harness();
    const request = await requested(h);
    for (const who of [PEOPLE.operator, PEOPLE.outsider, { id: PEOPLE.approver.id.toUpperCase() + 'x', name: 'Adele Vance' }]) {
      expect(refusalCode(await h.tap.approve(who, request.id, { conversationId: 'conv-1', replaceExisting: true }))).toBe('AUTH.NOT_APPROVER');
    }
    expect(h.writes.creates).toBe(0);
    expect((await h.tap.view(request.id))?.state).toBe('requested');
  });

  it('refuses forged ids: unknown, malformed, not a string, or a request of another kind', async () => {
    const h = harness();
    await requested(h);
    const removal = await h.removal.request(PEOPLE.operator, runFor(h.facts.world), 'pk-1/+=');
    if (removal.kind !== 'requested') throw new Error(removal.kind);
    for (const id of ['tap-run-999', '../workflow/tap-run-1', { id: 'tap-run-1' }, 42, removal.request.id]) {
      expect(refusalCode(await h.tap.approve(PEOPLE.approver, id))).toBe('REQUEST.UNKNOWN');
    }
    expect(h.writes.creates).toBe(0);
  });

  it('answers a request only in the conversation it was made in', async () => {
    const h = harness();
    const request = await requested(h);
    expect(refusalCode(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-2' }))).toBe('REQUEST.OTHER_CONVERSATION');
    expect(refusalCode(await h.tap.approve(PEOPLE.approver, request.id))).toBe('REQUEST.OTHER_CONVERSATION');
  });

  it('does not issue a second TAP when approve is clicked again, and never shows the value again', async () => {
    const h = harness();
    const request = await requested(h);
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');
    for (const who of [PEOPLE.approver, PEOPLE.secondApprover]) {
      const again = expectKind(await h.tap.approve(who, request.id, { conversationId: 'conv-1', replaceExisting: true }), 'refused');
      expect(again).toMatchObject({ code: 'REQUEST.ALREADY_DONE', request: { state: 'issued' } });
      expect(JSON.stringify(again)).not.toContain(TAP_CODE);
    }
    expect(h.writes.creates).toBe(1);
  });

  it('issues exactly once when two approvers click at the same moment', async () => {
    const h = harness();
    const request = await requested(h);
    const results = await Promise.all([PEOPLE.approver, PEOPLE.secondApprover, PEOPLE.approver].map((who) => h.tap.approve(who, request.id, { conversationId: 'conv-1' })));

    expect(results.filter((r) => r.kind === 'issued')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'refused').map((r) => refusalCode(r)).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/REQUEST\.(IN_PROGRESS|ALREADY_DONE)/)]));
    expect(h.writes.creates).toBe(1);
  });

  it('tells a click that arrives while the pass is being created that it is in progress', async () => {
    const h = harness();
    const request = await requested(h);
    let release!: () => void;
    h.writes.beforeCreate = () => new Promise<void>((resolve) => (release = resolve));
    const first = h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(refusalCode(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.IN_PROGRESS');
    release();
    expectKind(await first, 'issued');
    expect(h.writes.creates).toBe(1);
  });

  it('lets another approver take over a claim orphaned for longer than the stale limit', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.beforeCreate = () => new Promise<void>(() => undefined);
    void h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    h.writes.beforeCreate = async () => undefined;
    expect(refusalCode(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.IN_PROGRESS');
    h.clock.advance(CLAIM_STALE_MS);
    expectKind(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }), 'issued');
  });

  it('checks the user again at approval: a role gained since the request stops the pass', async () => {
    const h = harness();
    const request = await requested(h);
    h.facts.roles = known(['e8611ab8-c189-46e8-94e1-60213ab1f814']);
    expect(refusalCode(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }))).toBe('TARGET.PRIVILEGED');
    expect(h.writes.creates).toBe(0);
    expect((await h.tap.view(request.id))?.state).toBe('requested');
  });

  it('asks the approver to confirm before replacing a usable pass, and only that approver can confirm', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.taps = [{ kind: 'temporaryAccessPass', id: 'old-tap', isUsable: true, methodUsabilityReason: 'EnabledByPolicy', startDateTime: '2026-11-22T09:30:00.000Z', lifetimeInMinutes: 60, isUsableOnce: true, createdDateTime: null }];

    const asked = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1', replaceExisting: true }), 'confirm-replace');
    expect(asked).toMatchObject({ request: { state: 'approved', replaces: { methodId: 'old-tap', validUntil: '2026-11-22T10:30:00.000Z' } } });
    expect(replaceQuestion(asked.request)).toMatch(/already has a usable Temporary Access Pass \(valid until 2026-11-22 10:30 UTC\).*Replace it\?/);
    expect(h.writes.creates).toBe(0);

    expectKind(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1', replaceExisting: true }), 'confirm-replace');
    expect(h.writes.creates).toBe(0);
    expectKind(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1', replaceExisting: true }), 'issued');
    expect(h.writes.creates).toBe(1);
  });

  it('asks again when the usable pass changed after the approver confirmed', async () => {
    const h = harness();
    const request = await requested(h);
    const pass = { kind: 'temporaryAccessPass' as const, id: 'old-tap', isUsable: true, methodUsabilityReason: 'EnabledByPolicy', startDateTime: '2026-11-22T09:30:00.000Z', lifetimeInMinutes: 60, isUsableOnce: true, createdDateTime: null };
    h.writes.taps = [pass];
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'confirm-replace');
    h.writes.taps = [{ ...pass, id: 'newer-tap' }];
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1', replaceExisting: true }), 'confirm-replace');
    expect(h.writes.creates).toBe(0);
  });

  it('ignores a pass that is no longer usable', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.taps = [{ kind: 'temporaryAccessPass', id: 'used', isUsable: false, methodUsabilityReason: 'OneTimeUsed', startDateTime: null, lifetimeInMinutes: 60, isUsableOnce: true, createdDateTime: null }];
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');
  });
});

describe('TAP workflow: failures, denial and expiry', () => {
  it('leaves a Graph failure retryable, with the message for the approver and the shared card', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.failures.create = [{ code: 'PERMISSION_MISSING', status: 403, permission: 'UserAuthMethod-TAP.ReadWrite.All', message: 'grant the UserAuthMethod-TAP.ReadWrite.All application permission' }];
    const failed = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'failed');
    expect(failed.message).toContain('UserAuthMethod-TAP.ReadWrite.All');
    expect(failed.request).toMatchObject({ state: 'failed', failure: { code: 'PERMISSION_MISSING' } });
    expect(tapSummary(failed.request)).toMatch(/could not be issued: .*An approver can try again/);

    expectKind(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }), 'issued');
    expect(h.writes.creates).toBe(2);
  });

  it('forgets the cached policy when Graph says the lifetime is out of bounds', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.failures.create = [failure('TAP_LIFETIME_OUT_OF_RANGE')];
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'failed');
    expect(h.facts.invalidations).toBe(1);
  });

  it('turns a create that throws into a retryable failure instead of a stuck claim', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.beforeCreate = async () => {
      throw new Error('socket hang up');
    };
    const failed = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'failed');
    expect(JSON.stringify(failed)).toContain('Creating the pass failed unexpectedly; if one was made nobody has seen it, and approving again replaces it.');
    h.writes.beforeCreate = async () => undefined;
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');
  });

  it('refuses without changing anything when the existing pass cannot be read', async () => {
    const h = harness();
    const request = await requested(h);
    h.writes.failures.list = [failure('THROTTLED', 'Microsoft Graph is throttling requests.')];
    expect(expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'refused')).toMatchObject({ code: 'GRAPH.FAILED', message: 'Microsoft Graph is throttling requests.' });
    expect((await h.tap.view(request.id))?.state).toBe('requested');
  });

  it('lets an approver deny — the requester too — and then refuses approval', async () => {
    const h = harness();
    const request = expectKind(await h.tap.request(PEOPLE.operatorApprover, runFor(h.facts.world)), 'requested').request;
    expect(refusalCode(await h.tap.deny(PEOPLE.operator, request.id))).toBe('AUTH.NOT_APPROVER');
    const denied = expectKind(await h.tap.deny(PEOPLE.operatorApprover, request.id), 'denied');
    expect(tapSummary(denied.request)).toBe('Olga Reyes denied the Temporary Access Pass for Alice Example.');
    expect(refusalCode(await h.tap.approve(PEOPLE.approver, request.id))).toBe('REQUEST.DENIED');
    expect(refusalCode(await h.tap.deny(PEOPLE.approver, request.id))).toBe('REQUEST.DENIED');
    expect(h.writes.creates).toBe(0);
  });

  it('cannot deny a pass that was already issued', async () => {
    const h = harness();
    const request = await requested(h);
    expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'issued');
    expect(refusalCode(await h.tap.deny(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.ALREADY_DONE');
  });

  it('expires an unanswered request after the request lifetime, then refuses it', async () => {
    const h = harness();
    const request = await requested(h);
    h.clock.advance(REQUEST_TTL_MS);
    const expired = expectKind(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }), 'expired');
    expect(tapSummary(expired.request)).toMatch(/expired unanswered at 2026-11-22 18:00 UTC/);
    expect(refusalCode(await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' }))).toBe('REQUEST.EXPIRED');
    expect(refusalCode(await h.tap.request(PEOPLE.operator, runFor(h.facts.world)))).toBe('REQUEST.EXPIRED');
    expect(h.writes.creates).toBe(0);
    expect((await h.audit.recent('alice@contoso.com')).map((e) => e.what)).toContain('tap.expired');
  });

  it('keeps the history of who moved the request and when', async () => {
    const h = harness({ storage: new MemoryStorage() });
    const request = await requested(h);
    h.writes.failures.create = [failure('UNAVAILABLE')];
    await h.tap.approve(PEOPLE.approver, request.id, { conversationId: 'conv-1' });
    const issued = expectKind(await h.tap.approve(PEOPLE.secondApprover, request.id, { conversationId: 'conv-1' }), 'issued');
    expect(issued.request.history.map((step) => `${step.state} by ${step.by.name}`)).toEqual([
      'requested by Hana Patel',
      'issuing by Adele Vance',
      'failed by Adele Vance',
      'issuing by Carol Baker',
      'issued by Carol Baker',
    ]);
  });
});
