/**
 * The §9 document from registration audit events: pure, no clock, no I/O.
 * Only events inside the window whose activity adds a passkey or FIDO2 key
 * count; `byDay` and the totals are summed from the same attempts, so they agree.
 */
import { isRegistrationActivity } from './activities';
import { authenticatorNameOf, byAttemptsThenName, byFailuresThenReason, mostFailuresFirst } from './order';
import { causeOf } from './reasons';
import type { AuthenticatorRow, FailedAttempt, ReasonRow, RegistrationEvent, RegistrationReport, ReportUsage, ReportWindow } from './types';
import { daysOf, inWindow } from './window';

/** The runbook's rule: more than two failures in the window. */
export const OUTREACH_MIN_FAILURES = 3;

const isFailure = (e: RegistrationEvent) => e.result.toLowerCase() === 'failure' || e.result.toLowerCase() === 'timeout';

export function attemptsIn(events: RegistrationEvent[], window: ReportWindow): RegistrationEvent[] {
  return events
    .filter((e) => isRegistrationActivity(e.activity) && inWindow(e.time, window))
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

function byReason(failures: RegistrationEvent[]): ReasonRow[] {
  const rows = new Map<string, ReasonRow & { people: Set<string> }>();
  for (const e of failures) {
    const { cause, layer, fix } = causeOf(e.reason);
    const reason = e.reason?.trim() || 'no reason given';
    const row = rows.get(reason) ?? { reason, cause, layer, fix, failures: 0, users: 0, people: new Set<string>() };
    row.failures++;
    if (e.userPrincipalName) row.people.add(e.userPrincipalName);
    rows.set(reason, row);
  }
  return [...rows.values()]
    .map(({ people, ...row }) => ({ ...row, users: people.size }))
    .sort(byFailuresThenReason);
}

function byAuthenticator(attempts: RegistrationEvent[]): AuthenticatorRow[] {
  const rows = new Map<string, AuthenticatorRow>();
  for (const e of attempts) {
    const key = e.aaguid ?? '';
    const row = rows.get(key) ?? { aaguid: e.aaguid, name: authenticatorNameOf(e.aaguid), failures: 0, successes: 0 };
    if (isFailure(e)) row.failures++;
    else row.successes++;
    rows.set(key, row);
  }
  return [...rows.values()].sort(byAttemptsThenName);
}

function outreach(failures: RegistrationEvent[]): RegistrationReport['outreach'] {
  const people = new Map<string, RegistrationEvent[]>();
  for (const e of failures) if (e.userPrincipalName) people.set(e.userPrincipalName, [...(people.get(e.userPrincipalName) ?? []), e]);
  return [...people.entries()]
    .filter(([, list]) => list.length >= OUTREACH_MIN_FAILURES)
    .map(([userPrincipalName, list]) => {
      const last = list[list.length - 1];
      return { userPrincipalName, failures: list.length, lastFailure: last.time, lastReason: last.reason };
    })
    .sort(mostFailuresFirst);
}

export function failedAttempt(e: RegistrationEvent): FailedAttempt {
  return {
    time: e.time,
    userPrincipalName: e.userPrincipalName,
    activity: e.activity,
    reason: e.reason,
    aaguid: e.aaguid,
    authenticator: authenticatorNameOf(e.aaguid),
  };
}

export interface ReportInput {
  window: ReportWindow;
  previousWindow: ReportWindow;
  /** Events covering both windows (more are ignored). */
  events: RegistrationEvent[];
  usage: ReportUsage;
  generatedAt: string;
}

export function registrationReport(input: ReportInput): RegistrationReport {
  const attempts = attemptsIn(input.events, input.window);
  const failures = attempts.filter(isFailure);
  const days = new Map(daysOf(input.window).map((date) => [date, { date, failures: 0, successes: 0 }]));
  for (const e of attempts) {
    const day = days.get(new Date(Date.parse(e.time)).toISOString().slice(0, 10))!;
    if (isFailure(e)) day.failures++;
    else day.successes++;
  }
  const before = attemptsIn(input.events, input.previousWindow);
  const previousFailures = before.filter(isFailure).length;
  return {
    schemaVersion: 1,
    kind: 'registration-report',
    from: input.window.from,
    to: input.window.to,
    source: 'graph',
    totals: {
      attempts: attempts.length,
      failures: failures.length,
      successes: attempts.length - failures.length,
      users: new Set(attempts.map((e) => e.userPrincipalName).filter(Boolean)).size,
    },
    byReason: byReason(failures),
    byAuthenticator: byAuthenticator(attempts),
    byDay: [...days.values()],
    outreach: outreach(failures),
    previous: { failures: previousFailures, successes: before.length - previousFailures },
    failedAttempts: failures.map(failedAttempt),
    graph: input.usage,
    generatedAt: input.generatedAt,
  };
}
