/**
 * The weekly digest's state: the channel it posts to (`route digest here`),
 * which schedule window was last claimed (so two bot instances sharing the
 * store post once), and each posted digest's outreach list, which the
 * card's Diagnose buttons point into by row (the card carries no UPN).
 */
import { DIGEST_PREFIX } from './retention';
import { ChannelRoutes, type ChannelRoute } from './routes';
import type { VersionedStore } from './versionedStore';

export interface DigestScheduleState {
  /** Start (ISO) of the latest schedule window whose digest was claimed; null before the first. */
  lastWindow: string | null;
  claimedBy?: string;
  claimedAt?: string;
}

interface StoredDigest {
  conversationId: string;
  outreach: string[];
  createdAt: string;
}

const SCHEDULE_KEY = 'passkey-doctor/digest-schedule';
const digestKey = (id: string) => `${DIGEST_PREFIX}${id}`;
const DIGEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class DigestStore {
  private readonly routes: ChannelRoutes;

  constructor(private readonly store: VersionedStore) {
    this.routes = new ChannelRoutes(store);
  }

  async registerRoute(route: ChannelRoute): Promise<void> {
    await this.routes.register('digest', route);
  }

  async route(): Promise<ChannelRoute | undefined> {
    return this.routes.get('digest');
  }

  async saveOutreach(digestId: string, conversationId: string, outreach: string[], at: Date): Promise<void> {
    const digest: StoredDigest = { conversationId, outreach, createdAt: at.toISOString() };
    await this.store.storage.write({ [digestKey(digestId)]: { data: digest } });
  }

  /** The person on row `row` of a digest posted in this conversation; undefined for anything else. */
  async personAt(digestId: unknown, row: unknown, conversationId: string): Promise<string | undefined> {
    if (typeof digestId !== 'string' || !DIGEST_ID.test(digestId)) return undefined;
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0) return undefined;
    const digest = (await this.store.read<StoredDigest>(digestKey(digestId)))?.value;
    return digest && digest.conversationId === conversationId ? digest.outreach[row] : undefined;
  }

  /**
   * Claims the window starting at `windowStart` for `instance` by an eTag
   * write: exactly one claimant gets the window it replaced (what to give
   * back if its post fails); undefined when it was claimed (or a later one
   * was) before.
   */
  async claimWindow(windowStart: string, instance: string, at: Date): Promise<{ previous: string | null } | undefined> {
    // Every instance may seed the same empty record; the claims below are what must not race.
    const { current } = await this.store.createIfAbsent<DigestScheduleState>(SCHEDULE_KEY, { lastWindow: null });
    let seen = current;
    for (let attempt = 0; attempt < 2; attempt++) {
      const previous = seen.value.lastWindow;
      if (previous !== null && previous >= windowStart) return undefined;
      const claimed: DigestScheduleState = { lastWindow: windowStart, claimedBy: instance, claimedAt: at.toISOString() };
      if (await this.store.replace(SCHEDULE_KEY, claimed, seen.eTag)) return { previous };
      const reread = await this.store.read<DigestScheduleState>(SCHEDULE_KEY);
      if (!reread) return undefined;
      seen = reread;
    }
    return undefined;
  }

  /** Gives a claimed window back when its post failed, so the next check tries again. */
  async releaseWindow(windowStart: string, previous: string | null): Promise<void> {
    await this.store.update<DigestScheduleState>(SCHEDULE_KEY, (state) =>
      state?.lastWindow === windowStart ? { lastWindow: previous } : undefined,
    );
  }

  /** Marks the window now running as done without posting (a channel registered mid-window waits for the next time). */
  async skipToWindow(windowStart: string): Promise<void> {
    await this.store.update<DigestScheduleState>(SCHEDULE_KEY, (state) =>
      state?.lastWindow && state.lastWindow >= windowStart ? undefined : { ...state, lastWindow: windowStart },
    );
  }
}
