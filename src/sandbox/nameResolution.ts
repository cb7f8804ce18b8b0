/**
 * Fixture conveniences: groups named by display name and users by UPN
 * wherever Graph expects an object id (policy targets, Conditional Access
 * users and groups, group members). GUIDs and Graph's keywords pass through.
 */
import type { SandboxFixture } from './fixture';
import { isObject, objectOrEmpty, type JsonObject } from './json';
import { isGuid } from './stableGuid';
import { PasskeyDoctorError } from '../errors/catalog';

/** Pseudo-ids that Graph accepts in place of an object id. */
const TARGET_KEYWORDS = new Set(['all_users', 'all', 'none', 'guestsorexternalusers']);

export class NameResolver {
  private readonly groupIds = new Map<string, string>();
  private readonly userIds = new Map<string, string>();

  constructor(fixture: SandboxFixture) {
    for (const group of fixture.groups) this.groupIds.set(group.displayName.toLowerCase(), group.id);
    for (const user of fixture.users) this.userIds.set(user.userPrincipalName.toLowerCase(), user.id);
  }

  group(reference: string, where: string): string {
    if (isGuid(reference) || TARGET_KEYWORDS.has(reference.toLowerCase())) return reference;
    const id = this.groupIds.get(reference.toLowerCase());
    if (id === undefined) throw new PasskeyDoctorError('SANDBOX_INVALID', 'unknownGroup', { where, reference });
    return id;
  }

  user(reference: string, where: string): string {
    if (isGuid(reference) || TARGET_KEYWORDS.has(reference.toLowerCase())) return reference;
    const id = this.userIds.get(reference.toLowerCase());
    if (id === undefined) throw new PasskeyDoctorError('SANDBOX_INVALID', 'unknownUser', { where, reference });
    return id;
  }

  member(reference: string, where: string): string {
    return reference.includes('@') ? this.user(reference, where) : this.group(reference, where);
  }
}

/** Resolves every `{ targetType, id }` in a policy, wherever it sits. */
export function resolveTargets(value: unknown, names: NameResolver, where: string): unknown {
  if (Array.isArray(value)) return value.map((item, index) => resolveTargets(item, names, `${where}[${index}]`));
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) copy[key] = resolveTargets(item, names, `${where}.${key}`);
  if (typeof copy['id'] === 'string' && (copy['targetType'] === 'group' || copy['targetType'] === 'user')) {
    copy['id'] =
      copy['targetType'] === 'group' ? names.group(copy['id'], where) : names.user(copy['id'], where);
  }
  return copy;
}

export function resolveConditionalAccess(policy: JsonObject, names: NameResolver, index: number): JsonObject {
  const where = `conditionalAccessPolicies[${index}]`;
  const conditions = objectOrEmpty(policy['conditions']);
  const users = objectOrEmpty(conditions['users']);
  const resolved: JsonObject = { ...users };
  for (const key of ['includeGroups', 'excludeGroups'] as const) {
    const list = users[key];
    if (Array.isArray(list)) resolved[key] = list.map((item) => names.group(String(item), `${where}.${key}`));
  }
  for (const key of ['includeUsers', 'excludeUsers'] as const) {
    const list = users[key];
    if (Array.isArray(list)) resolved[key] = list.map((item) => names.user(String(item), `${where}.${key}`));
  }
  return { ...policy, conditions: { ...conditions, users: resolved } };
}
