/** The policy check's input (tenant facts) and output (docs/contracts.md §8). */
import type { AuthenticationMethodsPolicy, AuthenticationStrength, ConditionalAccessPolicy, Fact } from '../../model/facts';
import type { PolicyCode, PolicySeverity } from './codes';

/** What the policy check reads: the cached tenant snapshot plus which target groups still exist. */
export interface PolicyFacts {
  tenant: { id: string | null; displayName: string | null };
  authenticationMethodsPolicy: Fact<AuthenticationMethodsPolicy>;
  securityDefaults: Fact<{ isEnabled: boolean }>;
  registrationConditionalAccess: Fact<ConditionalAccessPolicy[]>;
  /** Enabled CA policies on all resources (`includeApplications: All`). */
  allResourcesConditionalAccess: Fact<ConditionalAccessPolicy[]>;
  authenticationStrengths: Fact<AuthenticationStrength[]>;
  /** The groups, among those the policies name, that exist (by id). */
  existingGroups: Fact<Record<string, { id: string; displayName: string }>>;
}

/** What a rule returns: a code and the facts behind it, no sentences. */
export interface RuleHit {
  code: PolicyCode;
  evidence: Record<string, string | number | boolean | string[]>;
}

export interface PolicyFinding {
  code: PolicyCode;
  severity: PolicySeverity;
  message: string;
  fix: string;
  evidence: RuleHit['evidence'];
  docs: string[];
  /** The Entra admin center blade where the fix is made. */
  blade: string;
  maester?: string;
}

export interface PolicyCheckDocument {
  schemaVersion: 1;
  kind: 'policy-check';
  tenant: { id: string | null; displayName: string | null };
  summary: Record<PolicySeverity, number>;
  findings: PolicyFinding[];
  graph: { requests: number; roundTrips: number; ms: number };
  generatedAt: string;
}
