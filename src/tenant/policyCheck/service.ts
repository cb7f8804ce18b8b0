/** Joins gathering and evaluation for the policy check; the bot and the CLI both call it. */
import { policyCheckDocument } from './evaluate';
import type { PolicyCheckDocument, PolicyFacts } from './types';

/** The port src/graph implements. */
export interface PolicyFactsGateway {
  policyFacts(tenant: PolicyFacts['tenant']): Promise<{ facts: PolicyFacts; usage: PolicyCheckDocument['graph'] }>;
  invalidateTenantSnapshot(): void;
}

export class PolicyCheckService {
  constructor(
    private readonly gateway: PolicyFactsGateway,
    private readonly tenant: PolicyFacts['tenant'],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `fresh` re-reads the policies (after an admin changed them: the card's Re-check). */
  async check(options: { fresh?: boolean } = {}): Promise<PolicyCheckDocument> {
    if (options.fresh) this.gateway.invalidateTenantSnapshot();
    const { facts, usage } = await this.gateway.policyFacts(this.tenant);
    return policyCheckDocument(facts, usage, this.clock().toISOString());
  }
}
