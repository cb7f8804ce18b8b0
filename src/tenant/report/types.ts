/** The failed-registration report (docs/contracts.md §9): its input events and its document. */
import type { LayerNumber } from '../../model/verdictTypes';

/** One registration audit event, as the gathering reads it (Graph) — already reduced to what the report counts. */
export interface RegistrationEvent {
  id: string;
  /** ISO instant (UTC). */
  time: string;
  /** Lower-case UPN of the user the event is about; null when the event names nobody. */
  userPrincipalName: string | null;
  activity: string;
  result: 'success' | 'failure' | string;
  reason: string | null;
  aaguid: string | null;
}

export interface ReportWindow {
  from: string;
  to: string;
}

export interface ReasonRow {
  reason: string;
  cause: string;
  layer: LayerNumber | null;
  /** What a diagnosis would tell the help desk to do; null when the reason points at no layer. */
  fix: string | null;
  failures: number;
  users: number;
}

export interface AuthenticatorRow {
  aaguid: string | null;
  name: string;
  failures: number;
  successes: number;
}

export interface DayRow {
  date: string;
  failures: number;
  successes: number;
}

export interface OutreachRow {
  userPrincipalName: string;
  failures: number;
  lastFailure: string;
  lastReason: string | null;
}

export interface FailedAttempt {
  time: string;
  userPrincipalName: string | null;
  activity: string;
  reason: string | null;
  aaguid: string | null;
  authenticator: string;
}

export interface ReportUsage {
  requests: number;
  roundTrips: number;
  ms: number;
}

export interface RegistrationReport {
  schemaVersion: 1;
  kind: 'registration-report';
  from: string;
  to: string;
  source: 'graph' | 'log-analytics';
  totals: { attempts: number; failures: number; successes: number; users: number };
  byReason: ReasonRow[];
  byAuthenticator: AuthenticatorRow[];
  byDay: DayRow[];
  outreach: OutreachRow[];
  previous: { failures: number; successes: number };
  /** One row per failed attempt (the CSV); omitted when the source aggregated remotely. */
  failedAttempts?: FailedAttempt[];
  graph: ReportUsage;
  generatedAt: string;
}
