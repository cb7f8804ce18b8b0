/**
 * The channels the bot posts into later, each registered by an operator
 * typing `route … here` in it: a team's escalations (`route identity here`,
 * `route endpoint here`), requests made in personal chats (`route approvals
 * here`) and the weekly digest (`route digest here`). Each is stored under
 * `route/<name>`. The latest registration wins; it is a deliberate act by an
 * operator.
 */
import type { ConversationReference } from 'botbuilder';
import type { VersionedStore } from './versionedStore';

import type { RouteOwner } from '../model/owners';

export interface ChannelRoute {
  /** What the bot needs to post there later (`continueConversationAsync`). */
  conversation: Partial<ConversationReference>;
  registeredBy: { id: string; name: string };
  registeredAt: string;
}

export interface EscalationRoute extends ChannelRoute {
  owner: RouteOwner;
}

export interface ApprovalsRoute extends ChannelRoute {
  /** The channel's name as Teams gave it, for "posted in …". */
  name: string;
}

interface RouteRecords extends Record<RouteOwner, EscalationRoute> {
  approvals: ApprovalsRoute;
  digest: ChannelRoute;
}

type RouteName = keyof RouteRecords;

const keyOf = (name: RouteName) => `route/${name}`;

export class ChannelRoutes {
  constructor(private readonly store: VersionedStore) {}

  async register<N extends RouteName>(name: N, route: RouteRecords[N]): Promise<void> {
    await this.store.storage.write({ [keyOf(name)]: { data: route } });
  }

  async get<N extends RouteName>(name: N): Promise<RouteRecords[N] | undefined> {
    return (await this.store.read<RouteRecords[N]>(keyOf(name)))?.value;
  }
}
