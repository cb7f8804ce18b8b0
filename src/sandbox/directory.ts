/** Lookups and membership over the tenant state (users, groups, directory roles). */
import { resourceNotFound } from './graphErrors';
import type { JsonObject, MemberContainer, TenantState } from './tenantState';

/** A user by object id or UPN (case-insensitive), as `/users/{id|upn}` resolves it. */
function findUser(tenant: TenantState, key: string): JsonObject | undefined {
  const wanted = key.toLowerCase();
  return tenant.users.find(
    (user) => String(user['id']).toLowerCase() === wanted || String(user['userPrincipalName']).toLowerCase() === wanted,
  );
}

export function requireUser(tenant: TenantState, key: string): JsonObject {
  const user = findUser(tenant, key);
  if (!user) throw resourceNotFound(key);
  return user;
}

/** A group by object id (case-insensitive), as `/groups/{id}` resolves it. */
export function requireGroup(tenant: TenantState, key: string): MemberContainer {
  const wanted = key.toLowerCase();
  const group = tenant.groups.find((candidate) => idOf(candidate).toLowerCase() === wanted);
  if (!group) throw resourceNotFound(key);
  return group;
}

export function userId(user: JsonObject): string {
  return String(user['id']);
}

function idOf(container: MemberContainer): string {
  return String(container.object['id']);
}

/** Groups and directory roles that list the object directly. */
export function directMemberships(tenant: TenantState, objectId: string): MemberContainer[] {
  const holds = (container: MemberContainer) => container.memberIds.includes(objectId);
  return [...tenant.groups.filter(holds), ...tenant.directoryRoles.filter(holds)];
}

/** Every group the object belongs to, directly or through nested groups. */
export function transitiveGroups(tenant: TenantState, objectId: string): MemberContainer[] {
  const found = new Map<string, MemberContainer>();
  const pending = [objectId];
  while (pending.length > 0) {
    const memberId = pending.pop() as string;
    for (const group of tenant.groups) {
      const id = idOf(group);
      if (!found.has(id) && group.memberIds.includes(memberId)) {
        found.set(id, group);
        pending.push(id);
      }
    }
  }
  return tenant.groups.filter((group) => found.has(idOf(group)));
}

/** Transitive groups plus directly held directory roles (roles are not nested here). */
export function transitiveMemberships(tenant: TenantState, objectId: string): MemberContainer[] {
  const roles = tenant.directoryRoles.filter((role) => role.memberIds.includes(objectId));
  return [...transitiveGroups(tenant, objectId), ...roles];
}

/** A directory object by id with its `@odata.type`, for `getByIds`. */
export function findDirectoryObject(tenant: TenantState, id: string): { type: string; object: JsonObject } | undefined {
  const wanted = id.toLowerCase();
  const user = tenant.users.find((candidate) => String(candidate['id']).toLowerCase() === wanted);
  if (user) return { type: 'user', object: user };
  const group = tenant.groups.find((candidate) => idOf(candidate).toLowerCase() === wanted);
  if (group) return { type: 'group', object: group.object };
  const role = tenant.directoryRoles.find((candidate) => idOf(candidate).toLowerCase() === wanted);
  if (role) return { type: 'directoryRole', object: role.object };
  return undefined;
}

export function withODataType(type: string, object: JsonObject): JsonObject {
  return { '@odata.type': `#microsoft.graph.${type}`, ...object };
}

export function containerType(tenant: TenantState, container: MemberContainer): 'group' | 'directoryRole' {
  return tenant.groups.includes(container) ? 'group' : 'directoryRole';
}
