/**
 * The policy check's facts (docs/contracts.md §8): the cached tenant snapshot the
 * diagnoses use, plus which of the groups the policies name still exist —
 * at most two round trips when cold, none when a diagnosis or an earlier
 * check already read the names with this snapshot; never one per user.
 */
import { known, missing, type Fact } from '../model/facts';
import type { PolicyFacts } from '../tenant/policyCheck/types';
import { parseGroupNames } from './parse/groupNames';
import { factFrom } from './responses';
import type { TenantSnapshot } from './tenantSnapshot';
import type { GraphTransport, UsageMeter } from './transport';

/**
 * Which of the groups the policies name exist: the names a diagnosis (or an
 * earlier check) read with this snapshot, else one getByIds, kept with the
 * snapshot as the diagnosis keeps it.
 */
async function existingGroups(snapshot: TenantSnapshot, transport: GraphTransport, meter: UsageMeter): Promise<PolicyFacts['existingGroups']> {
  if (snapshot.targetGroupIds.length === 0) return known({});
  if (snapshot.groupNames?.ok) return snapshot.groupNames;
  const body = { ids: snapshot.targetGroupIds, types: ['group'] };
  const response = await transport.send('POST', 'v1.0', '/directoryObjects/getByIds', meter, { body });
  const names = factFrom({ id: 'groupNames', ...response }, 'POST /directoryObjects/getByIds', parseGroupNames);
  if (names.ok) snapshot.groupNames = names;
  return names;
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
    existingGroups: await existingGroups(snapshot, transport, meter),
  };
}
