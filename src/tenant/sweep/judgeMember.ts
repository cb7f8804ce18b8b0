/**
 * One member's layers 1–3, judged by the diagnosis's own layer functions and
 * root-cause rule on facts built from bulk reads: the sweep shares the rules,
 * it never restates them (docs/contracts.md §10).
 */
import type { DiagnosisInput } from '../../diagnosis/context';
import { missing, type DirectoryUser } from '../../model/facts';
import { isFido2Method } from '../../diagnosis/methods';
import { evaluateLayers, layerContext, rootCauseOf } from '../../diagnosis/verdict';
import type { LayerResult } from '../../model/verdictTypes';
import type { MemberFacts, SweepTenant, SweepUser } from './types';

/** Layers 1–3: what a rollout owner can know without the person at a device. */
export const SWEPT_LAYERS = 3;

const NOT_READ = {
  code: 'GRAPH.UNAVAILABLE',
  reason: 'a sweep reads transitive membership only.',
  request: 'GET /users/{id}/memberOf',
} as const;

/** The same input `diagnose` builds, from the sweep's facts. Settings matter only to layers 3+ wording. */
export function diagnosisInput(tenant: SweepTenant, facts: MemberFacts): DiagnosisInput {
  const { member } = facts;
  return {
    tenant: tenant.facts,
    user: {
      subject: member.userPrincipalName,
      now: tenant.now,
      user: { ok: true, value: directoryUser(facts) },
      checkedGroupIds: tenant.checkedGroupIds,
      memberOfCheckedGroups: facts.memberOfCheckedGroups,
      directGroupIds: missing(NOT_READ),
      methods: facts.methods,
      signIns: facts.logs.signIns,
      audits: facts.logs.audits,
    },
    ...(tenant.authenticator ? { device: { authenticator: tenant.authenticator } } : {}),
    settings: { mfaFreshnessMinutes: 5, signInLookbackDays: 7 },
  };
}

function directoryUser({ member }: MemberFacts): DirectoryUser {
  return {
    id: member.id,
    userPrincipalName: member.userPrincipalName,
    displayName: member.displayName,
    userType: member.userType,
    accountEnabled: member.accountEnabled,
  };
}

/** The first gap among layers 1–3, for the `unknown` member's reason. */
function unknownReason(layers: LayerResult[]): string | undefined {
  const gap = layers.flatMap((l) => l.findings).find((f) => f.severity === 'unknown');
  return gap?.message;
}

export function judgeMember(tenant: SweepTenant, facts: MemberFacts): SweepUser {
  const input = diagnosisInput(tenant, facts);
  const ctx = layerContext(input, directoryUser(facts));
  const layers = evaluateLayers(ctx, SWEPT_LAYERS);
  const rootCause = rootCauseOf(layers);
  const hasPasskey = facts.methods.ok && facts.methods.value.some(isFido2Method);
  // A passkey counts only while a profile that applies accepts it (layer 2 flags each one it no longer does).
  const stranded = layers[1]?.findings.filter((f) => f.code === 'L2.REGISTERED_PASSKEY_NOW_BLOCKED') ?? [];
  const rejected = new Set(stranded.map((f) => f.evidence?.methodId));
  const acceptedPasskey = facts.methods.ok && facts.methods.value.some((m) => isFido2Method(m) && !rejected.has(m.id));
  const { id, userPrincipalName, displayName } = facts.member;
  const base = { id, userPrincipalName, displayName, hasPasskey };
  if (rootCause) return { ...base, outcome: 'blocked', rootCause: { layer: rootCause.layer, code: rootCause.code } };
  // Never "ready" on a fact that could not be read.
  if (layers.some((l) => l.findings.some((f) => f.severity === 'unknown'))) {
    return { ...base, outcome: 'unknown', rootCause: null, reason: unknownReason(layers) };
  }
  return { ...base, outcome: acceptedPasskey ? 'has-passkey' : 'ready', rootCause: null };
}
