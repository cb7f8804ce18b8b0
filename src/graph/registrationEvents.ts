/**
 * The registration report's read (docs/contracts.md §9): every passkey / FIDO2
 * registration audit event of a window, paged, `$select`ed, through the one
 * reports scheduler at background priority so that diagnoses typed
 * meanwhile go first. Separate from the diagnosis window (reportsWindow.ts),
 * which holds only SIGNIN_LOOKBACK_DAYS of Authentication Methods events.
 *
 * Two services log these events: the fact sheets name "Authentication
 * Methods" (facts-2026) and "Device Registration Service" (Microsoft's audit
 * activity reference) for "Add Passkey (device-bound)" — they disagree, so
 * both are read and one event logged by both counts once.
 * Graph documents no `or` over activity names, so the activity is matched here.
 */
import { PasskeyDoctorError } from '../errors/catalog';
import { isRegistrationActivity } from '../tenant/report/activities';
import type { RegistrationEvent, ReportUsage, ReportWindow } from '../tenant/report/types';
import { executeBatch, type BatchRequest } from './batch';
import type { RetryPolicy } from './retryPolicy';
import { filterParam, odataDateTime, odataString } from './odata';
import { nextPage } from './paging';
import { auditSubjects, parseAudit } from './parse/logs';
import { str, values } from './parse/values';
import { graphErrorCode, LICENCE_ERROR, type InnerResponse } from './responseErrors';
import { reportsGate, type ReportsScheduler } from './reportsScheduler';
import { UsageMeter, type GraphTransport } from './transport';

export const REGISTRATION_SERVICES = ['Authentication Methods', 'Device Registration Service'] as const;
const SELECT = [
  'id',
  'activityDateTime',
  'activityDisplayName',
  'loggedByService',
  'correlationId',
  'result',
  'resultReason',
  'initiatedBy',
  'targetResources',
  'additionalDetails',
].join(',');
const REQUEST = 'GET /auditLogs/directoryAudits';
/** 1,000 a page: Graph's largest. */
const PAGE_SIZE = 1000;
/** Past this many pages a tenant is too large for Graph; the answer says to use Log Analytics instead. */
export const MAX_REPORT_PAGES = 100;

export interface RegistrationReadOptions {
  retry?: RetryPolicy;
  pageSize?: number;
  maxPages?: number;
}

function firstRequest(service: string, index: number, window: ReportWindow, pageSize: number): BatchRequest {
  const clauses = [
    `loggedByService eq ${odataString(service)}`,
    `activityDateTime ge ${odataDateTime(Date.parse(window.from))}`,
    `activityDateTime le ${odataDateTime(Date.parse(window.to))}`,
  ];
  const url = `/auditLogs/directoryAudits?${filterParam(clauses)}&$select=${SELECT}&$top=${pageSize}`;
  return { id: `audits-${index + 1}`, method: 'GET', url };
}

/** A failed read as the one sentence a person or a script gets (exit code 3). */
export function reportReadError(response: InnerResponse | undefined): PasskeyDoctorError {
  if (!response || response.status === 0) {
    return new PasskeyDoctorError('GRAPH_UNREACHABLE', 'report', { request: REQUEST });
  }
  const code = graphErrorCode(response.body);
  if (response.status === 403 && code === LICENCE_ERROR) {
    return new PasskeyDoctorError('LICENCE_REQUIRED', 'report', {}, { details: { licence: 'Microsoft Entra ID P1 or P2' } });
  }
  if (response.status === 403 || response.status === 401) {
    const params = { request: REQUEST, answer: code ?? response.status };
    return new PasskeyDoctorError('GRAPH_FORBIDDEN', 'report', params, { details: { permission: 'AuditLog.Read.All' } });
  }
  if (response.status === 429) {
    return new PasskeyDoctorError('GRAPH_THROTTLED', 'report', { request: REQUEST });
  }
  return new PasskeyDoctorError('GRAPH_FAILED', 'report', { answer: code ? `${response.status} (${code})` : response.status, request: REQUEST });
}

function toEvent(raw: Record<string, unknown>): RegistrationEvent {
  const audit = parseAudit(raw);
  const subjects = auditSubjects(raw);
  return {
    id: audit.id,
    time: new Date(Date.parse(audit.activityDateTime)).toISOString(),
    userPrincipalName: subjects.upns[0] ?? audit.initiatedByUpn?.toLowerCase() ?? null,
    activity: audit.activityDisplayName,
    result: audit.result.toLowerCase(),
    reason: audit.resultReason?.trim() || null,
    aaguid: audit.aaGuid,
  };
}

/** Reads every registration event of the window; throws a PasskeyDoctorError (exit 3) when Graph cannot give them all. */
export async function readRegistrationEvents(
  transport: GraphTransport,
  scheduler: ReportsScheduler,
  window: ReportWindow,
  options: RegistrationReadOptions = {},
): Promise<{ events: RegistrationEvent[]; usage: ReportUsage }> {
  const meter = new UsageMeter();
  const gate = reportsGate(scheduler, 'background');
  const maxPages = options.maxPages ?? MAX_REPORT_PAGES;
  const firsts = REGISTRATION_SERVICES.map((service, i) => firstRequest(service, i, window, options.pageSize ?? PAGE_SIZE));
  const answers = await executeBatch(transport, 'v1.0', firsts, meter, options.retry, gate);
  const byKey = new Map<string, RegistrationEvent>();
  await Promise.all(
    firsts.map(async (first) => {
      let response = answers.get(first.id);
      for (let page = 1; ; page++) {
        if (!response || response.status < 200 || response.status >= 300) throw reportReadError(response);
        for (const raw of values(response.body)) {
          const activity = str(raw.activityDisplayName) ?? '';
          if (!isRegistrationActivity(activity) || Number.isNaN(Date.parse(str(raw.activityDateTime) ?? ''))) continue;
          const event = toEvent(raw);
          // The same attempt logged by both services shares its correlation id.
          byKey.set(`${str(raw.correlationId) ?? event.id}|${activity.toLowerCase()}|${event.result}`, event);
        }
        const next = nextPage(response.body, `${first.id}-${page + 1}`);
        if (!next) return;
        if (page >= maxPages) {
          throw new PasskeyDoctorError('GRAPH_FAILED', 'reportTooLong', { maxPages });
        }
        const more = await executeBatch(transport, next.version, [next.request], meter, options.retry, gate);
        response = more.get(next.request.id);
      }
    }),
  );
  return { events: [...byKey.values()], usage: meter.usage() };
}
