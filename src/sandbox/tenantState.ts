/**
 * The sandbox tenant in memory: built once from a fixture (names resolved to
 * ids, Graph boilerplate filled in) and then mutated by write requests.
 * Timestamps stay as written (possibly relative) until a response is built.
 */
import { parseFixture, type FixtureUser, type SandboxFixture } from './fixture';
import type { JsonObject } from './json';
import { auditObject, signInObject } from './logRecords';
import { NameResolver, resolveConditionalAccess, resolveTargets } from './nameResolution';

export type { JsonObject } from './json';

/** A group or directory role: its Graph object plus its direct members' ids. */
export interface MemberContainer {
  object: JsonObject;
  memberIds: string[];
  /** Directory roles only: users eligible through PIM. */
  eligibleIds?: string[];
}

export interface TenantState {
  tenant: SandboxFixture['tenant'];
  /** Graph `user` objects. */
  users: JsonObject[];
  groups: MemberContainer[];
  directoryRoles: MemberContainer[];
  /** Graph authentication method objects by user id. */
  authenticationMethods: Map<string, JsonObject[]>;
  /** Beta-shaped sign-ins of every user. */
  signIns: JsonObject[];
  directoryAudits: JsonObject[];
  authenticationMethodsPolicy: JsonObject;
  securityDefaults: JsonObject;
  conditionalAccessPolicies: JsonObject[];
  authenticationStrengthPolicies: JsonObject[];
}

const USER_DEFAULTS: JsonObject = {
  businessPhones: [],
  givenName: null,
  jobTitle: null,
  mail: null,
  mobilePhone: null,
  officeLocation: null,
  preferredLanguage: null,
  surname: null,
};

function mailNickname(displayName: string): string {
  return displayName.replace(/[^A-Za-z0-9]/g, '');
}

function groupObject(fixtureGroup: SandboxFixture['groups'][number]): JsonObject {
  const { members: _members, ...properties } = fixtureGroup;
  return {
    deletedDateTime: null,
    classification: null,
    createdDateTime: null,
    description: null,
    groupTypes: [],
    mail: null,
    mailEnabled: false,
    mailNickname: mailNickname(fixtureGroup.displayName),
    securityEnabled: true,
    visibility: null,
    ...properties,
  };
}

function roleObject(fixtureRole: SandboxFixture['directoryRoles'][number]): JsonObject {
  const { members: _members, eligibleMembers: _eligible, ...properties } = fixtureRole;
  return { deletedDateTime: null, description: null, ...properties };
}

function userObject(fixtureUser: FixtureUser): JsonObject {
  const { authenticationMethods: _methods, signIns: _signIns, ...properties } = fixtureUser;
  return { ...USER_DEFAULTS, ...properties };
}

/** Builds the in-memory tenant; throws when the fixture is invalid or names something that does not exist. */
export function buildTenantState(data: SandboxFixture): TenantState {
  const fixture = parseFixture(structuredClone(data));
  const names = new NameResolver(fixture);
  const usersByUpn = new Map(fixture.users.map((user) => [user.userPrincipalName.toLowerCase(), user]));

  return {
    tenant: fixture.tenant,
    users: fixture.users.map(userObject),
    groups: fixture.groups.map((group) => ({
      object: groupObject(group),
      memberIds: group.members.map((member) => names.member(member, `group '${group.displayName}'`)),
    })),
    directoryRoles: fixture.directoryRoles.map((role) => ({
      object: roleObject(role),
      memberIds: role.members.map((member) => names.user(member, `directory role '${role.displayName}'`)),
      eligibleIds: role.eligibleMembers.map((member) => names.user(member, `directory role '${role.displayName}' (eligible)`)),
    })),
    authenticationMethods: new Map(fixture.users.map((user) => [user.id, user.authenticationMethods as JsonObject[]])),
    signIns: fixture.users.flatMap((user) =>
      user.signIns.map((signIn, index) => signInObject(user, signIn, index, fixture.tenant.id)),
    ),
    directoryAudits: fixture.directoryAudits.map((audit, index) => auditObject(audit, index, usersByUpn)),
    authenticationMethodsPolicy: resolveTargets(
      fixture.authenticationMethodsPolicy,
      names,
      'authenticationMethodsPolicy',
    ) as JsonObject,
    securityDefaults: fixture.securityDefaults,
    conditionalAccessPolicies: fixture.conditionalAccessPolicies.map((policy, index) =>
      resolveConditionalAccess(policy, names, index),
    ),
    authenticationStrengthPolicies: fixture.authenticationStrengthPolicies,
  };
}
