/** `audit <upn>`: the newest entries of the user's audit trail, in words. */
import type { AuditAction, AuditEntry } from '../store/auditTrail';
import { noteInWords, rootCauseInWords } from './codeWords';
import { utcMinute } from './labels';

export const AUDIT_ACTIONS: Record<AuditAction, string> = {
  diagnosis: 'Diagnosed',
  'tap.requested': 'TAP requested',
  'tap.approved': 'TAP approved',
  'tap.issued': 'TAP issued',
  'tap.denied': 'TAP denied',
  'tap.failed': 'TAP could not be issued',
  'tap.expired': 'TAP request expired',
  'tap.refused': 'TAP action refused',
  'escalation.sent': 'Escalated',
  'escalation.undelivered': 'Escalation not delivered to the channel',
  'access.refused': 'Refused: not in the required group',
  'passkey.removal-requested': 'Passkey removal requested',
  'passkey.removal-approved': 'Passkey removal approved',
  'passkey.removed': 'Passkey removed',
  'passkey.removal-denied': 'Passkey removal denied',
  'passkey.removal-failed': 'Passkey could not be removed',
  'passkey.removal-expired': 'Passkey removal expired',
  'passkey.removal-refused': 'Passkey removal refused',
  'sessions.revoked': 'Sign-in sessions revoked',
  'sandbox.acting-as': 'Sandbox: typed as this person',
  'sandbox.acting-as-refused': 'Sandbox-only "as" command refused',
};

export interface AuditView {
  upn: string;
  heading: string;
  entries: Array<{ time: string; what: string; who: string; details: string; note: string }>;
}

export function auditView(upn: string, entries: AuditEntry[]): AuditView {
  return {
    upn,
    heading: entries.length ? `The last ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first` : 'Nothing recorded for this user yet.',
    entries: entries.map((entry) => ({
      time: utcMinute(entry.time),
      what: AUDIT_ACTIONS[entry.what] ?? entry.what,
      who: `${entry.who.name} → ${entry.target.userPrincipalName}`,
      // Codes and request ids stay in the trail; the card says them in words.
      details: rootCauseInWords(entry.rootCause),
      note: entry.note ? noteInWords(entry.note) : '',
    })),
  };
}
