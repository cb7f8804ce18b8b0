/**
 * One entry in the audit trail, as every step writes it: who, what, about
 * which user (and request and root cause), when, and an optional short note.
 */
import type { Person } from '../model/people';
import type { AuditAction, AuditTrail } from '../store/auditTrail';

/** Audit subject: a request, or — before one exists — its target and root cause. */
export interface AuditSubject {
  id: string | null;
  target: { id: string | null; userPrincipalName: string };
  rootCause: string | null;
}

export function auditStep(
  trail: AuditTrail,
  what: AuditAction,
  actor: Person,
  subject: AuditSubject,
  note?: string,
  at: Date = new Date(),
): Promise<void> {
  return trail.append({
    time: at.toISOString(),
    who: { id: actor.id, name: actor.name },
    what,
    target: { id: subject.target.id, userPrincipalName: subject.target.userPrincipalName },
    rootCause: subject.rootCause,
    requestId: subject.id,
    ...(note ? { note } : {}),
  });
}
