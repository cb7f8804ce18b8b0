/** Sign-in and directory audit records → facts (docs/graph-facts.md §9–§10). */
import type { AuditEvent, SignIn } from '../../model/facts';
import { arr, bool, num, obj, str, values } from './values';

export function parseSignIns(body: unknown): SignIn[] {
  return values(body).map(parseSignIn);
}

/** Whose sign-in it is: lower-case UPN (as Graph logs it) and object id. */
export function signInOwner(s: Record<string, unknown>): { upn: string | null; userId: string | null } {
  return { upn: str(s.userPrincipalName)?.toLowerCase() ?? null, userId: str(s.userId)?.toLowerCase() ?? null };
}

export function parseSignIn(s: Record<string, unknown>): SignIn {
  const status = obj(s.status);
  const device = obj(s.deviceDetail);
  return {
    id: str(s.id) ?? '',
    createdDateTime: str(s.createdDateTime) ?? '',
    appId: str(s.appId),
    appDisplayName: str(s.appDisplayName),
    isInteractive: bool(s.isInteractive),
    errorCode: num(status.errorCode) ?? 0,
    failureReason: str(status.failureReason),
    operatingSystem: str(device.operatingSystem),
    browser: str(device.browser),
    userAgent: str(s.userAgent),
    authenticationRequirement: str(s.authenticationRequirement),
    authenticationDetails: arr(s.authenticationDetails).map((raw) => {
      const d = obj(raw);
      return {
        method: str(d.authenticationMethod) ?? '',
        detail: str(d.authenticationMethodDetail),
        requirement: str(d.authenticationStepRequirement),
        succeeded: bool(d.succeeded) ?? false,
        time: str(d.authenticationStepDateTime),
      };
    }),
    appliedConditionalAccessPolicies: arr(s.appliedConditionalAccessPolicies).map((raw) => {
      const p = obj(raw);
      return { id: str(p.id) ?? '', displayName: str(p.displayName), result: str(p.result) };
    }),
  };
}

const AAGUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The AAGUID named in an event's details or modified properties; no cited source fixes the key name. */
function aaGuidOf(event: Record<string, unknown>): string | null {
  const candidates: Array<[string | null, string | null]> = [];
  for (const d of arr(event.additionalDetails).map(obj)) candidates.push([str(d.key), str(d.value)]);
  for (const t of arr(event.targetResources).map(obj)) {
    for (const p of arr(t.modifiedProperties).map(obj)) candidates.push([str(p.displayName), str(p.newValue) ?? str(p.oldValue)]);
  }
  for (const [key, value] of candidates) {
    if (key && /aaguid/i.test(key) && value) {
      const match = AAGUID.exec(value);
      if (match) return match[0].toLowerCase();
    }
  }
  return null;
}

/**
 * Whose account an event is about: its User targets (upper- or lower-case
 * `type`, docs/graph-facts.md §10) when it names any — so an admin's deletion counts
 * for the user it was done to, not for the admin — else whoever initiated it.
 */
export function auditSubjects(e: Record<string, unknown>): { upns: string[]; ids: string[] } {
  const users = arr(e.targetResources)
    .map(obj)
    .filter((t) => (str(t.type) ?? str(t.Type) ?? '').toLowerCase() === 'user');
  const parties = users.length ? users : [obj(obj(e.initiatedBy).user)];
  const lower = (v: string | null) => (v ? [v.toLowerCase()] : []);
  return { upns: parties.flatMap((p) => lower(str(p.userPrincipalName))), ids: parties.flatMap((p) => lower(str(p.id))) };
}

export function parseAudit(e: Record<string, unknown>): AuditEvent {
  return {
    id: str(e.id) ?? '',
    activityDateTime: str(e.activityDateTime) ?? '',
    activityDisplayName: str(e.activityDisplayName) ?? '',
    loggedByService: str(e.loggedByService),
    result: str(e.result) ?? 'unknown',
    resultReason: str(e.resultReason),
    aaGuid: aaGuidOf(e),
    initiatedByUpn: str(obj(obj(e.initiatedBy).user).userPrincipalName),
  };
}
