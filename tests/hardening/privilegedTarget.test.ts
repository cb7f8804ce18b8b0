/**
 * No help-desk pass for someone who holds power: members of the operators
 * or approvers group, and users eligible for a directory role through PIM,
 * are refused and sent to the identity team like holders of an active role.
 */
import { known, missing } from '../../src/model/facts';
import { SANDBOX_USERS } from '../../src/sandbox';
import { gap } from '../diagnosis/builders';
import { GROUP, PEOPLE, harness, runFor } from '../actions/fakes';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const aliceId = (h: ReturnType<typeof harness>) => runFor(h.facts.world).verdict.user!.id;

describe('TAP pre-checks refuse privileged targets', () => {
  it.each([
    ['approvers', GROUP.approvers, 'the TAP approvers group'],
    ['operators', GROUP.operators, 'the Passkey Doctor operators group'],
  ])('refuses a pass for a member of the %s group and says to escalate', async (_name, group, words) => {
    const h = harness();
    h.directory.members.set(aliceId(h), new Set([group]));
    const result = await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'c' });
    expect(result).toMatchObject({ kind: 'refused', code: 'TARGET.PRIVILEGED', suggest: 'escalate', message: expect.stringContaining(words) });
    expect(h.writes.creates).toBe(0);
  });

  it('refuses at approval when the target joined the approvers group after the request', async () => {
    const h = harness();
    const requested = await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'c' });
    expect(requested.kind).toBe('requested');
    h.directory.members.set(aliceId(h), new Set([GROUP.approvers]));
    expect(await h.tap.approve(PEOPLE.approver, 'tap-run-1', { conversationId: 'c' })).toMatchObject({ code: 'TARGET.PRIVILEGED' });
    expect(h.writes.creates).toBe(0);
  });

  it('refuses a PIM-eligible target, and refuses when eligibility could not be read', async () => {
    const h = harness();
    h.facts.eligible = known(['62e90394-69f5-4237-9190-012177145e10']);
    expect(await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'c' })).toMatchObject({
      code: 'TARGET.PRIVILEGED',
      message: expect.stringContaining('Privileged Identity Management'),
    });
    h.facts.eligible = missing(gap('GRAPH.PERMISSION_MISSING'));
    expect(await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'c' })).toMatchObject({ code: 'TARGET.UNCHECKED' });
    expect(h.writes.creates).toBe(0);
  });
});

describe('PIM eligibility from Graph (sandbox)', () => {
  let tenant: SandboxGateway;
  beforeEach(async () => {
    tenant = await sandboxGateway();
  });
  afterEach(() => tenant.close());

  it('reads the roles a user is eligible for, and none for others', async () => {
    const role = tenant.sandbox.tenant.directoryRoles[0];
    role.eligibleIds = [SANDBOX_USERS.ready.id];
    expect(await tenant.gateway.eligibleRoleIds(SANDBOX_USERS.ready.id)).toEqual(known([role.object['roleTemplateId']]));
    expect(await tenant.gateway.eligibleRoleIds(SANDBOX_USERS.noMfaMethod.id)).toEqual(known([]));
  });

  it('takes a tenant without PIM (no P2 licence) as having no eligible roles', async () => {
    tenant.sandbox.setLicence('free');
    expect(await tenant.gateway.eligibleRoleIds(SANDBOX_USERS.ready.id)).toEqual(known([]));
  });

  it('names the permission when Graph refuses', async () => {
    tenant.sandbox.setFaults({ rules: [{ match: '^/roleManagement', status: 403 }] });
    const fact = await tenant.gateway.eligibleRoleIds(SANDBOX_USERS.ready.id);
    expect(fact).toMatchObject({ ok: false, failure: { code: 'GRAPH.PERMISSION_MISSING', permission: 'RoleEligibilitySchedule.Read.Directory' } });
  });
});
