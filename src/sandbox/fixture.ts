/**
 * The sandbox tenant's data file: its format (a zod schema, so a broken
 * fixture fails at start with the path of the bad field) and its loader.
 * The format is described for people in `README.md` beside this file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import contoso from './fixtures/contoso.json';
import { PasskeyDoctorError } from '../errors/catalog';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

/** A fixture timestamp: ISO 8601 or relative to the server clock (`now-3m`, `now+1h`). */
const timestamp = z.string();

const authenticationMethod = z
  .object({
    '@odata.type': z.string().regex(/^#microsoft\.graph\.\w+AuthenticationMethod$/, 'must be a Graph method type'),
    id: z.string().min(1),
  })
  .passthrough();

const signIn = z
  .object({
    id: guid.optional(),
    createdDateTime: timestamp,
    appId: guid,
    appDisplayName: z.string(),
  })
  .passthrough();

const user = z
  .object({
    id: guid,
    userPrincipalName: z.string().includes('@'),
    displayName: z.string(),
    userType: z.enum(['Member', 'Guest']).default('Member'),
    accountEnabled: z.boolean().default(true),
    mail: z.string().nullable().optional(),
    /** Graph authentication method objects (`@odata.type` + the type's properties). */
    authenticationMethods: z.array(authenticationMethod).default([]),
    /** Beta sign-in objects; user fields and Graph's boilerplate are filled in at load. */
    signIns: z.array(signIn).default([]),
  })
  .passthrough();

const group = z
  .object({
    id: guid,
    displayName: z.string(),
    /** User UPNs (anything with `@`) or other groups' display names. */
    members: z.array(z.string()).default([]),
  })
  .passthrough();

const directoryRole = z
  .object({
    id: guid,
    roleTemplateId: guid,
    displayName: z.string(),
    /** User UPNs. */
    members: z.array(z.string()).default([]),
    /** User UPNs eligible for the role through Privileged Identity Management (not active until activated). */
    eligibleMembers: z.array(z.string()).default([]),
  })
  .passthrough();

const methodConfiguration = z
  .object({
    '@odata.type': z.string(),
    id: z.string(),
    state: z.enum(['enabled', 'disabled']),
  })
  .passthrough();

const directoryAudit = z
  .object({
    id: z.string().optional(),
    activityDateTime: timestamp,
    activityDisplayName: z.string(),
    loggedByService: z.string(),
    result: z.string(),
  })
  .passthrough();

const jsonObject = z.record(z.unknown());

const fixtureSchema = z.object({
  tenant: z.object({ id: guid, displayName: z.string(), defaultDomain: z.string() }),
  /**
   * Graph's `authenticationMethodsPolicy`. Any `{ targetType, id }` may name
   * a group by display name (or, for `targetType: user`, a user by UPN).
   */
  authenticationMethodsPolicy: z
    .object({ authenticationMethodConfigurations: z.array(methodConfiguration) })
    .passthrough(),
  securityDefaults: z.object({ isEnabled: z.boolean() }).passthrough(),
  /** Graph `conditionalAccessPolicy` objects; groups and users may be named as in the methods policy. */
  conditionalAccessPolicies: z.array(jsonObject).default([]),
  authenticationStrengthPolicies: z.array(jsonObject).default([]),
  groups: z.array(group),
  directoryRoles: z.array(directoryRole).default([]),
  users: z.array(user),
  /** Graph `directoryAudit` objects; `initiatedBy.user` and `targetResources[]` may give only a `userPrincipalName`. */
  directoryAudits: z.array(directoryAudit).default([]),
});

export type SandboxFixture = z.infer<typeof fixtureSchema>;
export type FixtureUser = SandboxFixture['users'][number];
export type FixtureGroup = SandboxFixture['groups'][number];
export type FixtureDirectoryRole = SandboxFixture['directoryRoles'][number];
export type FixtureSignIn = FixtureUser['signIns'][number];
export type FixtureAuthenticationMethod = FixtureUser['authenticationMethods'][number];
export type FixtureDirectoryAudit = SandboxFixture['directoryAudits'][number];

/** Validates fixture data; throws an Error naming every bad field. */
export function parseFixture(data: unknown): SandboxFixture {
  const result = fixtureSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new PasskeyDoctorError('SANDBOX_INVALID', 'fixture', { problems: problems.join('; ') });
  }
  return result.data;
}

/**
 * Loads a fixture: the built-in Contoso tenant, or a JSON file. Every call
 * returns a fresh copy, so callers may modify it before `startSandbox`.
 */
export function loadFixture(file?: string): SandboxFixture {
  const data: unknown = file === undefined ? contoso : JSON.parse(readFileSync(file, 'utf8'));
  return parseFixture(structuredClone(data));
}
