/**
 * The policy check's facts (docs/contracts.md §8): the cached tenant snapshot the
 * diagnoses use, plus one read telling which of the groups the policies name
 * still exist — two round trips when cold, one when warm, never one per user.
 */
import { known, missing, type Fact } from '../model/facts';
import type { PolicyFacts } from '../tenant/policyCheck/types';
import { obj, str, values } from './parse/values';
import { gapFor } from './responseErrors';
import type { TenantSnapshot } from './tenantSnapshot';
import type { GraphTransport, UsageMeter } from './transport';

type ExistingGroups = PolicyFacts['existingGroups'];

async function existingGroups(ids: string[], transport: GraphTransport, meter: UsageMeter): Promise<ExistingGroups> {
  if (ids.length === 0) return known({});
  const response = await transport.send('POST', 'v1.0', '/directoryObjects/getByIds', meter, { body: { ids, types: ['group'] } });
  if (response.status !== 200) return missing(gapFor({ id: 'groupNames', ...response }, 'POST /directoryObjects/getByIds'));
  const groups: Record<string, { id: string; displayName: string }> = {};
  for (const g of values(response.body)) {
    const id = str(obj(g).id);
    if (id) groups[id] = { id, displayName: str(obj(g).displayName) ?? id };
  }
  return known(groups);
}

const orGap = <T>(fact: Fact<T> | undefined, request: string): Fact<T> =>
  fact ?? missing({ code: 'GRAPH.UNAVAILABLE', reason: 'the tenant snapshot did not include this read.', request });

export async function gatherPolicyFacts(
  snapshot: TenantSnapshot,
  transport: GraphTransport,
  meter: UsageMeter,
  tenant: PolicyFacts['tenant'],
): Promise<PolicyFacts> {
  const { facts } = snapshot;
  return {
    tenant,
    authenticationMethodsPolicy: facts.authenticationMethodsPolicy,
    securityDefaults: facts.securityDefaults,
    registrationConditionalAccess: orGap(facts.registrationConditionalAccess, 'GET /identity/conditionalAccess/policies'),
    allResourcesConditionalAccess: orGap(facts.allResourcesConditionalAccess, 'GET /identity/conditionalAccess/policies'),
    authenticationStrengths: orGap(facts.authenticationStrengths, 'GET /identity/conditionalAccess/authenticationStrength/policies'),
    existingGroups: await existingGroups(snapshot.targetGroupIds, transport, meter),
  };
}
