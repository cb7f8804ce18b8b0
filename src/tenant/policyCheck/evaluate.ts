/**
 * The policy check (docs/contracts.md §8): every rule over the tenant's facts, turned
 * into findings with words, sources and the Maester cross-reference. Pure:
 * the time and the Graph usage come in from the caller.
 */
import { POLICY_CODES, BLADES, type PolicySeverity } from './codes';
import { notRun, policyContext } from './context';
import { RULES } from './rules';
import type { PolicyCheckDocument, PolicyFacts, PolicyFinding, RuleHit } from './types';
import { WORDS } from './words';

const ORDER: Record<PolicySeverity, number> = { fail: 0, warn: 1, info: 2, unknown: 3 };

function finding(hit: RuleHit): PolicyFinding {
  const spec = POLICY_CODES[hit.code];
  const { message, fix } = WORDS[hit.code](hit.evidence);
  // A check that could not run links to the rule it stands for, so the reader knows what was skipped.
  const checked = hit.code === 'POLICY.CHECK_NOT_RUN' ? POLICY_CODES[hit.evidence.check as keyof typeof POLICY_CODES] : undefined;
  return {
    code: hit.code,
    severity: spec.severity,
    message,
    fix,
    evidence: hit.evidence,
    docs: [...new Set([spec.url, ...(checked ? [checked.url] : [])])],
    blade: BLADES[spec.blade],
    ...(spec.maester ? { maester: spec.maester } : checked?.maester ? { maester: checked.maester } : {}),
  };
}

export function evaluatePolicy(facts: PolicyFacts): PolicyFinding[] {
  const policy = facts.authenticationMethodsPolicy;
  if (!policy.ok) return [notRun('POLICY.METHOD_DISABLED', policy.failure)].map(finding);
  const ctx = policyContext(facts, policy.value);
  const hits = RULES.flatMap((rule) => rule(ctx));
  return hits.map(finding).sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code));
}

export function policyCheckDocument(facts: PolicyFacts, graph: PolicyCheckDocument['graph'], generatedAt: string): PolicyCheckDocument {
  const findings = evaluatePolicy(facts);
  const summary: Record<PolicySeverity, number> = { fail: 0, warn: 0, info: 0, unknown: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return { schemaVersion: 1, kind: 'policy-check', tenant: facts.tenant, summary, findings, graph, generatedAt };
}
