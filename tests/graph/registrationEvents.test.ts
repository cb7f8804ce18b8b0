import { isPasskeyDoctorError } from '../../src/errors/catalog';
import { readRegistrationEvents } from '../../src/graph/registrationEvents';
import { LICENCE_ERROR } from '../../src/graph/responseErrors';
import { ReportsScheduler } from '../../src/graph/reportsScheduler';
import type { JsonObject } from '../../src/sandbox';
import { sandboxGateway, type SandboxGateway } from '../support/sandboxGateway';

const WINDOW = { from: '2025-11-01T00:00:00.000Z', to: '2025-11-08T00:00:00.000Z' };
const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';

function attempt(i: number, overrides: JsonObject = {}): JsonObject {
  return {
    id: `reg-${i}`,
    category: 'UserManagement',
    correlationId: `corr-${i}`,
    result: i % 3 === 0 ? 'failure' : 'success',
    resultReason: i % 3 === 0 ? 'User canceled the registration.' : '',
    activityDisplayName: 'Add Passkey (device-bound)',
    activityDateTime: new Date(Date.parse('2025-11-01T06:00:00Z') + i * 3_600_000).toISOString(),
    loggedByService: 'Authentication Methods',
    operationType: 'Add',
    initiatedBy: { user: { userPrincipalName: `user${i % 4}@contoso.com` }, app: null },
    targetResources: [{ type: 'User', userPrincipalName: `user${i % 4}@contoso.com` }],
    additionalDetails: [{ key: 'AAGuid', value: YUBIKEY }],
    ...overrides,
  };
}

/** Room for every page at once, so that paging tests never wait a real quota period. */
const roomy = () => new ReportsScheduler({ requests: 100, periodMs: 10_000 });
const reportReads = (t: SandboxGateway) => t.sandbox.requestLog.filter((r) => r.path.startsWith('/auditLogs/directoryAudits'));

describe('reading registration events for the report', () => {
  let t: SandboxGateway;
  afterEach(async () => t?.close());

  it('reads every page of the window, keeps only registration activities inside it, and counts one event logged by both services once', async () => {
    t = await sandboxGateway({ faults: { reportsQuota: 'off' } });
    t.sandbox.tenant.directoryAudits.push(
      ...Array.from({ length: 9 }, (_, i) => attempt(i)),
      attempt(100, { activityDisplayName: 'User registered security info' }),
      attempt(101, { activityDateTime: '2025-11-09T00:00:00Z' }),
      // The Device Registration Service's record of attempt 1.
      attempt(1, { id: 'drs-1', loggedByService: 'Device Registration Service' }),
    );
    t.sandbox.clearLog();
    const { events, usage } = await readRegistrationEvents(t.gateway.transport, roomy(), WINDOW, { pageSize: 2, retry: { backoffMs: [1], maxThrottleRetries: 3, maxRetryAfterMs: 1000, sleep: async () => undefined } });

    expect(events).toHaveLength(9);
    expect(new Set(events.map((e) => e.time)).size).toBe(9);
    expect(events.find((e) => e.id === 'reg-3')).toMatchObject({ result: 'failure', reason: 'User canceled the registration.', aaguid: YUBIKEY, userPrincipalName: 'user3@contoso.com' });
    // Authentication Methods: 9 (+1 other activity) records at 2 a page = 5 pages; Device Registration Service: 1 page.
    const reads = reportReads(t);
    expect(reads.length).toBe(6);
    expect(reads.every((r) => decodeURIComponent(r.query).includes('$select=id,activityDateTime'))).toBe(true);
    expect(usage.requests).toBe(6);
  });

  it('sends $select, the service and the time range in the filter, and goes through the reports scheduler at background priority', async () => {
    t = await sandboxGateway({ faults: { reportsQuota: 'off' } });
    const admitted: string[] = [];
    const acquire = t.gateway.reports.acquire.bind(t.gateway.reports);
    t.gateway.reports.acquire = (count, priority) => {
      admitted.push(priority);
      return acquire(count, priority);
    };
    const sent: string[] = [];
    const send = t.gateway.transport.send.bind(t.gateway.transport);
    t.gateway.transport.send = async (method, version, path, meter, options) => {
      sent.push(JSON.stringify(options?.body ?? ''));
      return send(method, version, path, meter, options);
    };
    await readRegistrationEvents(t.gateway.transport, t.gateway.reports, WINDOW);
    expect(admitted.length).toBeGreaterThan(0);
    expect(new Set(admitted)).toEqual(new Set(['background']));
    const urls = sent.join(' ');
    expect(urls).toContain('$select=id,activityDateTime,activityDisplayName');
    expect(decodeURIComponent(urls)).toContain("loggedByService eq 'Authentication Methods' and activityDateTime ge 2025-11-01T00:00:00Z and activityDateTime le 2025-11-08T00:00:00Z");
  });

  it('waits out a 429 in the middle of paging and still returns every event', async () => {
    t = await sandboxGateway({ faults: { reportsQuota: 'off' } });
    t.sandbox.tenant.directoryAudits.push(...Array.from({ length: 7 }, (_, i) => attempt(i)));
    let calls = 0;
    const send = t.gateway.transport.send.bind(t.gateway.transport);
    t.gateway.transport.send = async (...args) => {
      // After the first page, Graph throttles the next request once.
      if (++calls === 2) t.sandbox.setFaults({ reportsQuota: 'off', rules: [{ match: '^/auditLogs/directoryAudits', status: 429, times: 1, retryAfterSeconds: 0 }] });
      return send(...args);
    };
    t.sandbox.clearLog();
    const { events } = await readRegistrationEvents(t.gateway.transport, roomy(), WINDOW, { pageSize: 3, retry: { backoffMs: [1], maxThrottleRetries: 3, maxRetryAfterMs: 1000, sleep: async () => undefined } });
    expect(events).toHaveLength(7);
    expect(reportReads(t).filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('answers a tenant without Entra ID P1/P2 with one sentence naming the licence (exit code 3), not a crash', async () => {
    t = await sandboxGateway({ faults: { reportsQuota: 'off', rules: [{ match: '^/auditLogs/directoryAudits', status: 403, code: LICENCE_ERROR, message: "Neither tenant is B2C or tenant doesn't have premium license" }] } });
    const error = await readRegistrationEvents(t.gateway.transport, t.gateway.reports, WINDOW).catch((e: unknown) => e);
    expect(isPasskeyDoctorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'LICENCE_REQUIRED', exitCode: 3 });
    expect((error as Error).message).toMatch(/needs Microsoft Entra ID P1 or P2/);
  });

  it('names the permission when Graph refuses the read', async () => {
    t = await sandboxGateway({ faults: { reportsQuota: 'off', rules: [{ match: '^/auditLogs/directoryAudits', status: 403 }] } });
    const error = await readRegistrationEvents(t.gateway.transport, t.gateway.reports, WINDOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GRAPH_FORBIDDEN', exitCode: 3 });
    expect((error as Error).message).toContain('AuditLog.Read.All');
  });
});
