/**
 * What the workflows need from the outside world. `GraphGateway` and
 * `GraphWrites` implement these; unit tests pass in-memory fakes.
 */
import type { Fact } from '../model/facts';
import type { GatheredFacts, GatherOptions } from '../diagnosis/ports';
import type { GraphWrites } from '../graph/writes';

/** Fresh facts about a user, as a diagnosis gathers them. */
export interface UserFactsSource {
  gather(subject: string, options?: GatherOptions): Promise<GatheredFacts>;
  /** Called when Graph proves the cached tenant policy stale (a lifetime outside the new bounds). */
  invalidateTenantSnapshot(): void;
  /** Directory roles the user is eligible for through PIM: privileged as surely as an active role. */
  eligibleRoleIds(userId: string): Promise<Fact<string[]>>;
}

/** Transitive group membership, checked at every click. */
export interface GroupMembership {
  memberGroups(userId: string, groupIds: string[]): Promise<Set<string>>;
}

export type TapWrites = Pick<GraphWrites, 'createTemporaryAccessPass' | 'listTemporaryAccessPasses'>;

export type PasskeyWrites = Pick<GraphWrites, 'listPasskeys' | 'deletePasskey' | 'revokeSignInSessions'>;
