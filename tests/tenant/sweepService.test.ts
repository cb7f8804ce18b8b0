import { known, missing, type AuthMethod, type Fact } from '../../src/model/facts';
import { isPasskeyDoctorError } from '../../src/errors/catalog';
import { SweepService } from '../../src/tenant/sweep/service';
import type { ReportedMethods, SweepMember, SweepProgress, SweepReads } from '../../src/tenant/sweep/types';
import { GROUPS, authenticatorMethod, passwordMethod, readyWorld, tapMethod, tenantOf } from '../diagnosis/builders';

const member = (n: number, overrides: Partial<SweepMember> = {}): SweepMember => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  userPrincipalName: `user${n}@contoso.com`,
  displayName: `User ${n}`,
  userType: 'Member',
  accountEnabled: true,
  ...overrides,
});

const row = (m: SweepMember, methods: AuthMethod[], flags: Partial<ReportedMethods> = {}): ReportedMethods => ({ id: m.id, methods, hasPasskey: false, hasTap: false, ...flags });

/** Reads over fixed lists: the members are all in the pilot group, the report comes in pages of `pageSize`. */
function fakeReads(members: SweepMember[], rows: ReportedMethods[], options: { pageSize?: number; reportGap?: boolean; own?: Map<string, Fact<AuthMethod[]>> } = {}) {
  const ownAsked: string[][] = [];
  const world = readyWorld();
  const reads: SweepReads = {
    group: async () => ({ id: 'swept', displayName: 'Wave' }),
    tenant: async () => ({ facts: tenantOf(world), checkedGroupIds: Object.values(GROUPS) }),
    members: async (_id, onPage) => {
      onPage(members.length);
      return new Map(members.map((m) => [m.id, m]));
    },
    membership: async (groupIds) => known(new Map(groupIds.map((g) => [g, g === GROUPS.pilot ? ('all' as const) : new Set<string>()]))),
    logs: async () => () => ({ signIns: known([]), audits: known([]) }),
    registration: async (onPage) => {
      const size = options.pageSize ?? 2;
      for (let i = 0; i < rows.length; i += size) onPage(rows.slice(i, i + size));
      return options.reportGap ? { code: 'GRAPH.LICENCE_MISSING', reason: 'the tenant has no Microsoft Entra ID P1 or P2 licence.', request: 'GET /reports/…' } : null;
    },
    ownMethods: async (ids) => {
      ownAsked.push(ids);
      return new Map(ids.map((id) => [id, options.own?.get(id) ?? missing({ code: 'GRAPH.UNAVAILABLE', reason: 'no answer.', request: 'GET /users/{id}/authentication/methods' })]));
    },
    quotaWaitMs: () => 0,
    usage: () => ({ requests: 0, roundTrips: 0, reportsRequests: 0, memberReads: 0, ms: 0 }),
  };
  return { reads, ownAsked };
}

describe('sweep service', () => {
  it('a member missing from the registration report is unknown, never ready', async () => {
    const [a, b] = [member(1), member(2)];
    const { reads } = fakeReads([a, b], [row(a, [passwordMethod(), authenticatorMethod()])]);
    const doc = await new SweepService(() => reads).run('Wave');
    const outcomes = Object.fromEntries(doc.users.map((u) => [u.userPrincipalName, u.outcome]));
    expect(outcomes).toEqual({ 'user1@contoso.com': 'ready', 'user2@contoso.com': 'unknown' });
    expect(doc.users[1].reason).toMatch(/registration report/);
  });

  it('disabled accounts and guests are blocked with their layer 1 codes even without report rows', async () => {
    const disabled = member(1, { accountEnabled: false });
    const guest = member(2, { userType: 'Guest', userPrincipalName: 'g_fabrikam.com#EXT#@contoso.com' });
    const { reads } = fakeReads([disabled, guest], [], { reportGap: true });
    const doc = await new SweepService(() => reads).run('Wave');
    expect(doc.users.map((u) => [u.outcome, u.rootCause?.code])).toEqual([
      ['blocked', 'L1.GUEST_USER'],
      ['blocked', 'L1.ACCOUNT_DISABLED'],
    ]);
    expect(doc.notes).toHaveLength(1);
  });

  it("reads a pass holder's own methods (the report does not say if the pass is valid), and judges the pass", async () => {
    const holder = member(1);
    const own = new Map([[holder.id, known<AuthMethod[]>([passwordMethod(), tapMethod()])]]);
    const { reads, ownAsked } = fakeReads([holder, member(2)], [row(holder, [passwordMethod(), tapMethod()], { hasTap: true }), row(member(2), [passwordMethod()])], { own });
    const doc = await new SweepService(() => reads).run('Wave');
    expect(ownAsked).toEqual([[holder.id]]);
    expect(doc.users.find((u) => u.id === holder.id)?.outcome).toBe('ready');
    expect(doc.users.find((u) => u.id === member(2).id)?.rootCause?.code).toBe('L3.NO_MFA_METHOD');
    expect(doc.byCause).toEqual([{ code: 'L3.NO_MFA_METHOD', layer: 3, count: 1 }]);
  });

  it('reports progress page by page and stops when cancelled', async () => {
    const members = Array.from({ length: 10 }, (_, i) => member(i));
    const { reads } = fakeReads(members, members.map((m) => row(m, [authenticatorMethod()])));
    const progress: SweepProgress[] = [];
    const controller = new AbortController();
    const run = new SweepService(() => reads).run('Wave', {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.judged >= 4) controller.abort();
      },
    });
    const error = await run.then(() => null, (e: unknown) => e);
    expect(isPasskeyDoctorError(error) && error.code).toBe('CANCELLED');
    expect(progress.map((p) => p.judged).filter((n) => n > 0)).toEqual([2, 4]);
  });
});
