/**
 * The audit trail: who did what to which user, under which verdict and
 * request, when. Append-only — entries are never rewritten — and kept per
 * target user so that `audit <upn>` is one or two reads.
 *
 * Layout: a head item per user holds the newest page (up to PAGE_SIZE
 * entries); a full page is copied to its own item before the head starts a
 * new one. The head is updated by compare-and-swap, so concurrent appends
 * never overwrite each other, and the copied page's content is fixed by the
 * head version it came from, so copying it twice writes the same thing.
 *
 * An entry has no free-form payload beyond a short note: nothing secret has
 * a field to go in.
 *
 * Appends to one user's trail queue inside the process, so fifty diagnoses
 * of one user at once write one after another instead of racing for the
 * head; compare-and-swap still guards against another process.
 */
import { PasskeyDoctorError } from '../errors/catalog';
import { createKeyedQueue } from './keyedQueue';
import { AUDIT_PREFIX } from './retention';
import type { VersionedStore } from './versionedStore';

export type AuditAction =
  | 'diagnosis'
  | 'tap.requested'
  | 'tap.approved'
  | 'tap.issued'
  | 'tap.denied'
  | 'tap.failed'
  | 'tap.expired'
  | 'tap.refused'
  | 'escalation.sent'
  | 'escalation.undelivered'
  | 'passkey.removal-requested'
  | 'passkey.removal-approved'
  | 'passkey.removed'
  | 'passkey.removal-denied'
  | 'passkey.removal-failed'
  | 'passkey.removal-expired'
  | 'passkey.removal-refused'
  | 'sessions.revoked'
  /** Sandbox only: who the bot treats as typing was changed with `as <role>` (or refused outside the sandbox). */
  | 'sandbox.acting-as'
  | 'sandbox.acting-as-refused'
  | 'access.refused';

export interface AuditEntry {
  time: string;
  who: { id: string; name: string };
  what: AuditAction;
  target: { id: string | null; userPrincipalName: string };
  /** The verdict's root-cause finding code, when there was one. */
  rootCause: string | null;
  requestId: string | null;
  /** A short, secret-free detail: a refusal code, a validity window, a passkey name. */
  note?: string;
}

/**
 * The trail of clicks and commands the guard refused (not in the operators
 * or approvers group). Kept apart from the per-user trails because a refusal
 * happens before anything about the target is read; no UPN has this name
 * (a UPN has an @).
 */
export const ACCESS_REFUSALS = 'access-refusals';

export const PAGE_SIZE = 20;
/** Each failed attempt means another append landed; this many in a row is not contention but a fault. */
const MAX_ATTEMPTS = 32;

interface AuditHead {
  userPrincipalName: string;
  /** Number of full pages stored apart from the head. */
  pages: number;
  /** Newest last. */
  entries: AuditEntry[];
}

const headKey = (upn: string) => `${AUDIT_PREFIX}${upn.trim().toLowerCase()}`;
const pageKey = (upn: string, page: number) => `${headKey(upn)}/page-${page}`;

/** Shared by every AuditTrail in the process: two instances over one store still take turns. */
const oneAtATime = createKeyedQueue();

export class AuditTrail {
  constructor(private readonly store: VersionedStore) {}

  async append(entry: AuditEntry): Promise<void> {
    await oneAtATime(headKey(entry.target.userPrincipalName), () => this.appendNow(entry));
  }

  private async appendNow(entry: AuditEntry): Promise<void> {
    const upn = entry.target.userPrincipalName;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = await this.store.read<AuditHead>(headKey(upn));
      const current: AuditHead = head?.value ?? { userPrincipalName: upn.toLowerCase(), pages: 0, entries: [] };
      let next: AuditHead;
      if (current.entries.length >= PAGE_SIZE) {
        await this.store.storage.write({ [pageKey(upn, current.pages)]: { data: current.entries } });
        next = { ...current, pages: current.pages + 1, entries: [entry] };
      } else {
        next = { ...current, entries: [...current.entries, entry] };
      }
      if (head ? await this.store.replace(headKey(upn), next, head.eTag) : (await this.store.createIfAbsent(headKey(upn), next)).created)
        return;
    }
    throw new PasskeyDoctorError('STORE_CONFLICT', 'auditTrail', { upn });
  }

  /** The newest `limit` entries about the user, newest first. */
  async recent(upn: string, limit = PAGE_SIZE): Promise<AuditEntry[]> {
    const head = await this.store.read<AuditHead>(headKey(upn));
    if (!head) return [];
    const found = [...head.value.entries].reverse();
    for (let page = head.value.pages - 1; page >= 0 && found.length < limit; page -= 1) {
      const entries = (await this.store.readMany<AuditEntry[]>([pageKey(upn, page)])).get(pageKey(upn, page)) ?? [];
      found.push(...[...entries].reverse());
    }
    return found.slice(0, limit);
  }
}
