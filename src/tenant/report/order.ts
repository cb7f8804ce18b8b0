/**
 * The §9 report's ordering and naming rules, one copy for both its sources:
 * the audit-event aggregate (Graph) and the Log Analytics workspace mapping.
 */
import { authenticatorName } from '../../catalog/authenticators';
import type { AuthenticatorRow, ReasonRow, RegistrationReport } from './types';

/** An AAGUID's catalogue name; events without one are "Not recorded". */
export const authenticatorNameOf = (aaguid: string | null): string => (aaguid ? authenticatorName(aaguid) : 'Not recorded');

/** Reasons: most failures first, then by reason. */
export const byFailuresThenReason = (a: Pick<ReasonRow, 'failures' | 'reason'>, b: Pick<ReasonRow, 'failures' | 'reason'>): number =>
  b.failures - a.failures || a.reason.localeCompare(b.reason);

/** Authenticators: most attempts first, then by name. */
export const byAttemptsThenName = (a: AuthenticatorRow, b: AuthenticatorRow): number =>
  b.failures + b.successes - (a.failures + a.successes) || a.name.localeCompare(b.name);

type OutreachRow = RegistrationReport['outreach'][number];
/** Outreach: most failures first, then the latest failure, then by UPN. */
export const mostFailuresFirst = (a: OutreachRow, b: OutreachRow): number =>
  b.failures - a.failures || b.lastFailure.localeCompare(a.lastFailure) || a.userPrincipalName.localeCompare(b.userPrincipalName);
