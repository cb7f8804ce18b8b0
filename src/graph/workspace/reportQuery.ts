/**
 * The registration report as ONE KQL query over the workspace's `AuditLogs`
 * table (docs/contracts.md §9): Azure Monitor does the counting and returns one
 * table whose `part` column says which part of the report a row belongs to.
 * Only per-reason causes, the catalogue's names and empty days are added
 * here (reportMapping.ts).
 *
 * AuditLogs columns used (Azure Monitor table reference "AuditLogs"):
 * TimeGenerated, OperationName (= Graph's activityDisplayName), Result,
 * ResultReason, CorrelationId, InitiatedBy, TargetResources, AdditionalDetails.
 */
import { REGISTRATION_ACTIVITIES } from '../../tenant/report/activities';
import { OUTREACH_MIN_FAILURES } from '../../tenant/report/aggregate';
import type { ReportWindow } from '../../tenant/report/types';

/** A KQL string literal: double-quoted, backslash and quote escaped. */
export const kqlString = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const kqlDate = (iso: string): string => `datetime(${new Date(Date.parse(iso)).toISOString()})`;

/** `{"key":"…aaguid…","value":"<guid>"}` inside AdditionalDetails, case-insensitive (RE2 syntax). */
const AAGUID_DETAIL = '(?i)"key":"[^"]*aaguid[^"]*","value":"[^"]*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** The columns every row of the answer carries, in this order. */
export const REPORT_COLUMNS = ['part', 'key', 'failures', 'successes', 'users', 'lastFailure', 'lastReason'] as const;

export function registrationReportKql(window: ReportWindow, previous: ReportWindow): string {
  const activities = REGISTRATION_ACTIVITIES.map((a) => kqlString(a.activity)).join(', ');
  return `let windowStart = ${kqlDate(window.from)};
let windowEnd = ${kqlDate(window.to)};
let previousStart = ${kqlDate(previous.from)};
let attempts = AuditLogs
| where TimeGenerated >= previousStart and TimeGenerated < windowEnd
| where OperationName in~ (${activities})
| extend activity = tolower(OperationName), outcome = tolower(Result)
// One attempt logged by both services counts once.
| summarize arg_min(TimeGenerated, ResultReason, TargetResources, InitiatedBy, AdditionalDetails) by CorrelationId, activity, outcome
| extend isFailure = outcome in ("failure", "timeout")
| extend upn = tolower(coalesce(tostring(TargetResources[0].userPrincipalName), tostring(InitiatedBy.user.userPrincipalName)))
// The AAGUID detail (key named like "AAGuid") read from the serialised array: mv-apply would drop rows whose array is empty.
| extend aaguid = tolower(extract(${kqlString(AAGUID_DETAIL)}, 1, tostring(AdditionalDetails)))
| extend reason = iff(isempty(trim(@"\\s+", ResultReason)), "no reason given", trim(@"\\s+", ResultReason))
| extend isCurrent = TimeGenerated >= windowStart;
let inWindow = attempts | where isCurrent;
let failedAttempts = inWindow | where isFailure;
union
  (inWindow | summarize failures = countif(isFailure), successes = countif(not(isFailure)), users = array_length(make_set_if(upn, isnotempty(upn)))
            | extend part = "totals", key = ""),
  (attempts | where not(isCurrent) | summarize failures = countif(isFailure), successes = countif(not(isFailure)) | extend part = "previous", key = ""),
  (failedAttempts | summarize failures = count(), users = array_length(make_set_if(upn, isnotempty(upn))) by key = reason | extend part = "reason"),
  (inWindow | summarize failures = countif(isFailure), successes = countif(not(isFailure)) by key = aaguid | extend part = "authenticator"),
  (inWindow | summarize failures = countif(isFailure), successes = countif(not(isFailure)) by key = format_datetime(startofday(TimeGenerated), "yyyy-MM-dd")
            | extend part = "day"),
  (failedAttempts | where isnotempty(upn) | summarize failures = count(), arg_max(TimeGenerated, reason) by key = upn
                  | where failures >= ${OUTREACH_MIN_FAILURES} | extend part = "outreach", lastFailure = TimeGenerated, lastReason = reason)
| project ${REPORT_COLUMNS.join(', ')}`;
}
