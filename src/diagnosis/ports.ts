/** The port the diagnosis service gathers facts through; `src/graph` implements it, tests may fake it. */
import type { TenantFacts, UserFacts } from '../model/facts';
import type { GraphUsage } from '../model/verdictTypes';

export interface GatheredFacts {
  tenant: TenantFacts;
  user: UserFacts;
  usage: GraphUsage;
}

export interface GatherOptions {
  /**
   * Read sign-ins and audit events (default true). Workflows that only check
   * the account, its groups and the policy skip them: the report endpoints are
   * the most tightly throttled in Graph.
   */
  logs?: boolean;
}

export interface FactsGateway {
  gather(subject: string, options?: GatherOptions): Promise<GatheredFacts>;
}
