/** The port the diagnosis service gathers facts through; `src/graph` implements it, tests may fake it. */
import type { TenantFacts, UserFacts } from './facts';
import type { GraphUsage } from './verdictTypes';

export interface GatheredFacts {
  tenant: TenantFacts;
  user: UserFacts;
  usage: GraphUsage;
}

export interface FactsGateway {
  gather(subject: string): Promise<GatheredFacts>;
}
