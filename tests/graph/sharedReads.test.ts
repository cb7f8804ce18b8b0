import { executeBatch } from '../../src/graph/batch';
import { ReportsScheduler } from '../../src/graph/reportsScheduler';
import { ReportsWindow } from '../../src/graph/reportsWindow';
import { UsageMeter } from '../../src/graph/transport';
import type { JsonObject } from '../../src/sandbox';
import type { Verdict } from '../../src/model/verdictTypes';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const MY_SIGNINS = '19db86c3-b2b9-44cc-b339-36da233a3be2';
const codes = (v: Verdict, layer: number) => v.layers[layer - 1].findings.map((f) => f.code);
const reportsRequests = (t: SandboxGateway) => t.sandbox.requestLog.filter((r) => /^\/(auditLogs|reports)\//.test(r.path));

describe('shared reads of the sign-in and audit logs', () => {
  let t: SandboxGateway;
  afterEach(async () => t?.close());

  it('sees a My Sign-ins MFA sign-in that arrived after the window was last read', async () => {
    t = await sandboxGateway();
    const before = await t.diagnose('dave@contoso.com');
    expect(codes(before, 4)).toContain('L4.MFA_STALE');

    const old = t.sandbox.tenant.signIns.find((s) => s['userPrincipalName'] === 'dave@contoso.com' && s['appId'] === MY_SIGNINS)!;
    const fresh: JsonObject = {
      ...structuredClone(old),
      id: 'fresh-mfa-at-my-signins',
      createdDateTime: 'now-1m',
      authenticationDetails: (old['authenticationDetails'] as JsonObject[]).map((d) => ({ ...d, authenticationStepDateTime: 'now-1m' })),
    };
    t.sandbox.tenant.signIns.push(fresh);

    const after = await t.diagnose('dave@contoso.com');
    expect(codes(after, 4)).toContain('L4.MFA_RECENT');
    expect(codes(after, 4)).not.toContain('L4.MFA_STALE');
  });

  it('answers 20 concurrent diagnoses from a handful of reports requests, all within the quota, layer 4 judged on each', async () => {
    t = await sandboxGateway({ faults: { latencyMs: 20 } });
    const users = ['carol', 'alice', 'bob', 'dave', 'erin', 'grace', "o'neil", 'hannah', 'jamal', 'kenji'].map((u) => `${u}@contoso.com`);
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => t.diagnose(users[i % users.length])));

    for (const verdict of verdicts) {
      expect(verdict.layers[3].findings.filter((f) => f.code.startsWith('GRAPH.') || f.code === 'L4.SIGNIN_LOGS_UNAVAILABLE')).toEqual([]);
      expect(verdict.layers[3].status).not.toBe('unknown');
    }
    const reports = reportsRequests(t);
    expect(reports.length).toBeLessThanOrEqual(5);
    expect(reports.filter((r) => r.status === 429)).toEqual([]);
    // The same facts as one diagnosis alone would give.
    const alone = await t.diagnose('dave@contoso.com');
    expect(codes(verdicts[3], 4)).toEqual(codes(alone, 4));
  });

  it("counts a passkey an admin deleted for the user (the user is the audit event's target), and not for the admin", async () => {
    t = await sandboxGateway();
    const carol = t.sandbox.tenant.users.find((u) => u['userPrincipalName'] === 'carol@contoso.com')!;
    const admin = t.sandbox.tenant.users.find((u) => u['userPrincipalName'] === 'helpdesk@contoso.com')!;
    t.sandbox.tenant.directoryAudits.push({
      id: 'admin-deleted-carols-passkey',
      category: 'UserManagement',
      correlationId: 'admin-deleted-carols-passkey',
      result: 'success',
      resultReason: 'Admin deleted Fido2 Authentication Method',
      activityDisplayName: 'Admin deleted security info',
      activityDateTime: 'now-2h',
      loggedByService: 'Authentication Methods',
      operationType: 'Delete',
      initiatedBy: { user: { id: admin['id'], userPrincipalName: 'helpdesk@contoso.com' }, app: null },
      targetResources: [{ id: carol['id'], type: 'User', userPrincipalName: 'carol@contoso.com', modifiedProperties: [] }],
      additionalDetails: [{ key: 'AAGUID', value: 'cb69481e-8ff7-4039-93ec-0a2729a154a8' }],
    });

    const verdict = await t.diagnose('carol@contoso.com');
    const orphan = verdict.layers[6].findings.find((f) => f.code === 'L7.ORPHANED_LOCAL_PASSKEY');
    expect(orphan?.evidence).toMatchObject({ eventId: 'admin-deleted-carols-passkey', deletedBy: 'helpdesk@contoso.com' });

    const adminVerdict = await t.diagnose('helpdesk@contoso.com');
    expect(codes(adminVerdict, 7)).not.toContain('L7.ORPHANED_LOCAL_PASSKEY');
  });
});

describe('the shared window when a log holds more than one refresh reads', () => {
  it('keeps what it read, says from when it is complete, and asks for per-user sign-ins instead of passing off a partial log', async () => {
    const t = await sandboxGateway();
    try {
      const scheduler = new ReportsScheduler({ requests: 50, periodMs: 10_000 });
      const window = new ReportsWindow(t.gateway.transport, scheduler, { lookbackDays: 7, maxStalenessMs: 0, clock: Date.now, pageSize: 3, maxPages: 2 });
      const refresh = window.join(Date.now(), 'interactive');
      const carried = refresh.carry!;
      await carried.absorb(await executeBatch(t.gateway.transport, 'beta', carried.requests, new UsageMeter()));
      await refresh.done;
      const now = Date.now();

      // Two pages of each log: the first carried, the second through the scheduler; the sign-ins had more.
      expect(reportsRequests(t).map((r) => r.path).sort()).toEqual(['/auditLogs/directoryAudits', '/auditLogs/directoryAudits', '/auditLogs/signIns', '/auditLogs/signIns']);
      expect(window.signInsIncomplete(now)).toBe(true);
      const logs = window.forUser(['dave@contoso.com'], now);
      expect(logs.signIns.ok).toBe(false);
      expect(!logs.signIns.ok && logs.signIns.failure.reason).toMatch(/more of these in the last 7 days than one refresh reads/);
      expect(logs.audits.ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});
