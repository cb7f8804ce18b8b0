/**
 * Who may use the bot: membership of a group, checked with Graph for the
 * typing or clicking user's Entra object id on every message and every card
 * click, and cached briefly so a conversation costs one check a minute. Fails
 * closed: an id that is not a GUID is refused without asking Graph, and a
 * Graph error propagates instead of letting anyone through.
 */
import { holdsGroup } from '../actions/access';
import type { GraphGateway } from '../graph/gateway';

/** Who a command or card action is for; approvers are only configured once TAP issuance is. */
export type Audience = 'operators' | 'tapApprovers';

export interface AccessGroups {
  operators: string;
  tapApprovers?: string;
}

export class AccessControl {
  private readonly cache = new Map<string, { allowed: Promise<boolean>; expires: number }>();

  constructor(
    private readonly gateway: Pick<GraphGateway, 'memberGroups'>,
    private readonly groups: AccessGroups,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async allows(aadObjectId: string | undefined, audience: Audience): Promise<boolean> {
    const groupId = audience === 'operators' ? this.groups.operators : this.groups.tapApprovers;
    if (!groupId || !aadObjectId) return false;
    const key = `${groupId}:${aadObjectId.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached && cached.expires > this.now()) return cached.allowed;
    const allowed = holdsGroup(this.gateway, aadObjectId, groupId);
    this.cache.set(key, { allowed, expires: this.now() + this.ttlMs });
    // A failed check must not be remembered: the next message asks Graph again.
    allowed.catch(() => this.cache.delete(key));
    return allowed;
  }
}
