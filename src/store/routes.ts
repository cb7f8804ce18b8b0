/**
 * Where escalations go: `route identity here` / `route endpoint here` typed
 * in a channel stores that channel's conversation reference for the owner.
 * The latest registration wins; it is a deliberate act by an operator.
 */
import type { ConversationReference } from 'botbuilder';
import type { VersionedStore } from './versionedStore';

import type { RouteOwner } from '../model/owners';

export interface ChannelRoute {
  owner: RouteOwner;
  /** What the bot needs to post there later (`continueConversationAsync`). */
  conversation: Partial<ConversationReference>;
  registeredBy: { id: string; name: string };
  registeredAt: string;
}

const keyOf = (owner: RouteOwner) => `route/${owner}`;

export class EscalationRoutes {
  constructor(private readonly store: VersionedStore) {}

  async register(route: ChannelRoute): Promise<void> {
    await this.store.storage.write({ [keyOf(route.owner)]: { data: route } });
  }

  async get(owner: RouteOwner): Promise<ChannelRoute | undefined> {
    return (await this.store.read<ChannelRoute>(keyOf(owner)))?.value;
  }
}
