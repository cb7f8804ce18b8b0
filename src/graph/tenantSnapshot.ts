/**
 * The tenant snapshot (docs/contracts.md §5): policies that are the same for every
 * diagnosis, fetched in one `$batch`, cached for POLICY_CACHE_SECONDS, with
 * one fetch in flight however many diagnoses wait on it. Its Conditional
 * Access reads go through the CA pacer (about one per second per tenant).
 */
import { known, missing, type AuthenticationStrength, type Fact, type TenantFacts } from '../model/facts';
import { targetGroupIds } from '../model/targets';
import { executeBatch } from './batch';
import type { RetryPolicy } from './retryPolicy';
import {
  parseAllResourcesPolicies,
  parseAuthenticationStrengths,
  parseConditionalAccessPolicies,
  parseInlineStrengths,
} from './parse/conditionalAccess';
import { parseAuthenticationMethodsPolicy } from './parse/policy';
import { obj, bool } from './parse/values';
import { CaReadPacer } from './caReadPacer';
import { systemClock, type SchedulerClock } from './reportsScheduler';
import { factFrom } from './responses';
import type { GraphTransport, UsageMeter } from './transport';

export type GroupNames = Record<string, { id: string; displayName: string }>;

export interface TenantSnapshot {
  facts: Omit<TenantFacts, 'targetGroups'>;
  /** Every group id the policies name (never `all_users`): what checkMemberGroups must cover. */
  targetGroupIds: string[];
  /** Filled by the first user batch (getByIds) and kept with the snapshot. */
  groupNames?: Fact<GroupNames>;
  /** Filled like `groupNames`: the groups nested in each excluded group. */
  exclusionNestedGroups?: Fact<NestedGroups>;
  /** The passkey policy's excluded group ids, whose nested groups the first user batch reads. */
  exclusionGroupIds: string[];
}

export type NestedGroups = Record<string, Array<{ id: string; displayName: string }>>;

export const TENANT_REQUESTS = [
  { id: 'policy', method: 'GET', url: '/policies/authenticationMethodsPolicy' },
  { id: 'securityDefaults', method: 'GET', url: '/policies/identitySecurityDefaultsEnforcementPolicy' },
  { id: 'caPolicies', method: 'GET', url: '/identity/conditionalAccess/policies' },
] as const;

/**
 * Read only when a registration CA policy requires an authentication
 * strength, and never in the same batch as `caPolicies`: two CA reads at
 * once would break the one-per-second limit (caReadPacer.ts).
 */
export const AUTH_STRENGTHS_REQUEST = {
  id: 'authStrengths',
  method: 'GET',
  url: '/identity/conditionalAccess/authenticationStrength/policies',
} as const;

function groupIdsOf(facts: TenantSnapshot['facts']): string[] {
  const policy = facts.authenticationMethodsPolicy.ok ? facts.authenticationMethodsPolicy.value.methodConfigurations : [];
  const ca = facts.registrationConditionalAccess?.ok ? facts.registrationConditionalAccess.value : [];
  const caGroups = ca.flatMap((p) => [...p.users.includeGroups, ...p.users.excludeGroups]);
  return [...new Set([...targetGroupIds(policy), ...caGroups])];
}

/**
 * The strengths the kept CA policies require (registration, and all
 * resources for the policy check). Graph returns each
 * policy's strength inline with its combinations, as the sandbox does; the
 * strengths list is read only when one comes without them, and never in the
 * same batch as the policies: two CA reads at once would break the
 * one-per-second limit (caReadPacer.ts).
 */
async function strengthsFor(
  caPolicies: [TenantSnapshot['facts']['registrationConditionalAccess'], TenantSnapshot['facts']['allResourcesConditionalAccess']],
  inline: AuthenticationStrength[],
  transport: GraphTransport,
  meter: UsageMeter,
  pacer: CaReadPacer,
  retry?: RetryPolicy,
): Promise<NonNullable<TenantSnapshot['facts']['authenticationStrengths']>> {
  const [registrationCa] = caPolicies;
  if (!registrationCa?.ok) return registrationCa ? missing(registrationCa.failure) : known([]);
  const policies = caPolicies.flatMap((fact) => (fact?.ok ? fact.value : []));
  const required = new Set(policies.flatMap((p) => (p.authenticationStrengthId ? [p.authenticationStrengthId] : [])));
  const inlineById = new Map(inline.filter((s) => s.allowedCombinations.length).map((s) => [s.id, s]));
  if ([...required].every((id) => inlineById.has(id))) return known([...inlineById.values()]);
  const responses = await executeBatch(transport, 'v1.0', [{ ...AUTH_STRENGTHS_REQUEST }], meter, retry, pacer);
  return factFrom(
    responses.get('authStrengths'),
    'GET /identity/conditionalAccess/authenticationStrength/policies',
    parseAuthenticationStrengths,
  );
}

async function fetchSnapshot(
  transport: GraphTransport,
  meter: UsageMeter,
  pacer: CaReadPacer,
  retry?: RetryPolicy,
): Promise<TenantSnapshot> {
  const responses = await executeBatch(
    transport,
    'v1.0',
    TENANT_REQUESTS.map((r) => ({ ...r })),
    meter,
    retry,
    pacer,
  );
  if (responses.get('caPolicies')?.status === 200) pacer.succeeded();
  const registrationConditionalAccess = factFrom(
    responses.get('caPolicies'),
    'GET /identity/conditionalAccess/policies',
    parseConditionalAccessPolicies,
  );
  const allResourcesConditionalAccess = factFrom(
    responses.get('caPolicies'),
    'GET /identity/conditionalAccess/policies',
    parseAllResourcesPolicies,
  );
  const facts: TenantSnapshot['facts'] = {
    authenticationMethodsPolicy: factFrom(
      responses.get('policy'),
      'GET /policies/authenticationMethodsPolicy',
      parseAuthenticationMethodsPolicy,
    ),
    securityDefaults: factFrom(responses.get('securityDefaults'), 'GET /policies/identitySecurityDefaultsEnforcementPolicy', (b) => ({
      isEnabled: bool(obj(b).isEnabled) ?? false,
    })),
    registrationConditionalAccess,
    allResourcesConditionalAccess,
    authenticationStrengths: await strengthsFor(
      [registrationConditionalAccess, allResourcesConditionalAccess],
      registrationConditionalAccess.ok ? parseInlineStrengths(responses.get('caPolicies')?.body) : [],
      transport,
      meter,
      pacer,
      retry,
    ),
  };
  const fido2 = facts.authenticationMethodsPolicy.ok ? facts.authenticationMethodsPolicy.value.fido2 : null;
  const exclusionGroupIds = (fido2?.excludeTargets ?? []).filter((t) => t.targetType === 'group' && t.id !== 'all_users').map((t) => t.id);
  return { facts, targetGroupIds: groupIdsOf(facts), exclusionGroupIds };
}

export class TenantSnapshotCache {
  private cached: { snapshot: TenantSnapshot; expiresAt: number } | undefined;
  private inFlight: Promise<TenantSnapshot> | undefined;
  private readonly pacer: CaReadPacer;

  constructor(
    private readonly transport: GraphTransport,
    private readonly ttlMs: number,
    private readonly retry?: RetryPolicy,
    private readonly clock: () => number = Date.now,
    timers: SchedulerClock = systemClock,
  ) {
    this.pacer = new CaReadPacer(timers);
  }

  /** The snapshot; `meter` is charged only when this call actually fetched it. */
  async get(meter: UsageMeter): Promise<TenantSnapshot> {
    if (this.cached && this.cached.expiresAt > this.clock()) return this.cached.snapshot;
    if (!this.inFlight) {
      this.inFlight = fetchSnapshot(this.transport, meter, this.pacer, this.retry)
        .then((snapshot) => {
          // A snapshot without the methods policy is not worth keeping: the next diagnosis should try again.
          if (snapshot.facts.authenticationMethodsPolicy.ok && this.ttlMs > 0) {
            this.cached = { snapshot, expiresAt: this.clock() + this.ttlMs };
          }
          return snapshot;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
