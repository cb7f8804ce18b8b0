/**
 * Teams may deliver the same message again when the bot's answer is late or
 * lost; the activity id stays the same. The bot handles each id once. Kept
 * per process, for the ten minutes a redelivery can plausibly take: a bot
 * scaled out to several instances needs a shared store for this (see
 * docs/request-plan.md).
 */
const KEEP_MS = 10 * 60_000;
const MAX_KEPT = 10_000;

export class RecentDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** True the first time a conversation's activity id is seen (within the keep window). */
  firstTime(conversationId: string, activityId: string | undefined): boolean {
    if (!activityId) return true;
    const now = this.clock();
    for (const [key, at] of this.seen) {
      if (at > now - KEEP_MS && this.seen.size <= MAX_KEPT) break;
      this.seen.delete(key);
    }
    const key = `${conversationId}\n${activityId}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}
