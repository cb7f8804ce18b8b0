/**
 * Where approvals go from personal chats: `route approvals here` typed in a
 * channel stores that channel's conversation reference. A request made in a
 * personal chat would otherwise wait where no approver can see it. The
 * latest registration wins; it is a deliberate act by an operator.
 */
import type { ConversationReference } from 'botbuilder';
import type { VersionedStore } from './versionedStore';

export interface ApprovalsRoute {
  conversation: Partial<ConversationReference>;
  /** The channel's name as Teams gave it, for "posted in …". */
  name: string;
  registeredBy: { id: string; name: string };
  registeredAt: string;
}

const KEY = 'route/approvals';

export class ApprovalsRoutes {
  constructor(private readonly store: VersionedStore) {}

  async register(route: ApprovalsRoute): Promise<void> {
    await this.store.storage.write({ [KEY]: { data: route } });
  }

  async get(): Promise<ApprovalsRoute | undefined> {
    return (await this.store.read<ApprovalsRoute>(KEY))?.value;
  }
}
