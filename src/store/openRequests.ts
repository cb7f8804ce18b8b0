/**
 * One open request per user and kind. A marker per user points at the
 * latest request; claiming it is a compare-and-swap, so two clicks on two
 * cards for the same user cannot both pass. Whether the request it points at
 * is still open is read from the request itself, so a marker never needs
 * clearing; a claim whose request does not exist yet counts as in progress
 * for a short while, covering the moment between the claim and the request.
 */
import type { VersionedStore } from './versionedStore';

interface Marker {
  requestId: string;
  at: string;
}

export type Claim = { claimed: true } | { claimed: false; holder: string; inProgress: boolean };

/** Longer than any request click takes (pre-checks read Graph, ~15 s answer limit). */
const IN_PROGRESS_MS = 30_000;
const MAX_ATTEMPTS = 8;

const keyOf = (kind: string, userId: string) => `open/${kind}/${userId.toLowerCase()}`;

export class OpenRequests {
  constructor(
    private readonly store: VersionedStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Points the user's marker at `requestId`, unless it points at another
   * request that `state` says is open (or that is still being created).
   */
  async claim(kind: string, userId: string, requestId: string, state: (id: string) => Promise<'open' | 'closed' | 'missing'>): Promise<Claim> {
    const key = keyOf(kind, userId);
    const mine: Marker = { requestId, at: new Date(this.now()).toISOString() };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const current = await this.store.read<Marker>(key);
      if (!current) {
        if ((await this.store.createIfAbsent(key, mine)).created) return { claimed: true };
        continue;
      }
      const holder = current.value.requestId;
      if (holder !== requestId) {
        const held = await state(holder);
        if (held === 'open') return { claimed: false, holder, inProgress: false };
        if (held === 'missing' && this.now() - Date.parse(current.value.at) < IN_PROGRESS_MS) return { claimed: false, holder, inProgress: true };
      }
      if (await this.store.replace(key, mine, current.eTag)) return { claimed: true };
    }
    return { claimed: false, holder: '', inProgress: true };
  }
}
