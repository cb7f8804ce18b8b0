/**
 * POLICY.TARGET_GROUP_MISSING: a target of the passkey or TAP method, or of a
 * CA policy on "Register security info", names a group that no longer exists
 * (deleted groups stay in the policy as bare ids).
 */
import { ALL_USERS } from '../../../diagnosis/scope';
import { need } from '../context';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

export const targetGroupMissing: PolicyRule = (ctx) => {
  const named: Array<{ id: string; where: string }> = [];
  for (const [config, where] of [
    [ctx.policy.fido2, 'Passkey (FIDO2) method'],
    [ctx.policy.temporaryAccessPass, 'Temporary Access Pass method'],
  ] as const) {
    for (const t of [...(config?.includeTargets ?? []), ...(config?.excludeTargets ?? [])]) {
      if (t.targetType === 'group' && t.id !== ALL_USERS) named.push({ id: t.id, where });
    }
  }
  if (ctx.facts.registrationConditionalAccess.ok) {
    for (const p of ctx.facts.registrationConditionalAccess.value) {
      for (const id of [...p.users.includeGroups, ...p.users.excludeGroups]) named.push({ id, where: `Conditional Access policy "${p.displayName}"` });
    }
  }
  if (named.length === 0) return [];
  const groups = need(ctx.facts.existingGroups, 'POLICY.TARGET_GROUP_MISSING');
  if (!groups.ok) return groups.failure;
  const missing = named.filter((n) => !groups.value[n.id]);
  const byId = new Map<string, string[]>();
  for (const m of missing) byId.set(m.id, [...new Set([...(byId.get(m.id) ?? []), m.where])]);
  return [...byId].map(([groupId, where]): RuleHit => ({ code: 'POLICY.TARGET_GROUP_MISSING', evidence: { groupId, where } }));
};
