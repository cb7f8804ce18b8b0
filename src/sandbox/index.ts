/**
 * The sandbox tenant: a Microsoft Graph look-alike on loopback holding the
 * demo tenant Contoso. Product code imports it only to start it when no real
 * tenant is configured.
 */
export { startSandbox } from './server';
export type { RequestLogEntry, SandboxOptions, SandboxServer } from './server';
export { faultPlanFromEnv } from './faults';
export { populationFromEnv, POPULATION_GROUP } from './population';
export type { FaultPlan, FaultRule } from './faults';
export { loadFixture, parseFixture } from './fixture';
export type {
  FixtureAuthenticationMethod,
  FixtureDirectoryAudit,
  FixtureDirectoryRole,
  FixtureGroup,
  FixtureSignIn,
  FixtureUser,
  SandboxFixture,
} from './fixture';
export type { GraphVersion, Licence } from './exchange';
export type { JsonObject, MemberContainer, TenantState } from './tenantState';
export { SANDBOX_GROUPS, SANDBOX_TENANT, SANDBOX_USERS } from './sandboxDirectory';
export type { SandboxUser } from './sandboxDirectory';
