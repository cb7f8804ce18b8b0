/**
 * A generated rollout population beside the Contoso fixture, so `sweep` has
 * thousands of people to judge: the group "Rollout Wave 1", nested in the
 * passkey policy's "Passkey Pilot" group, with a seeded mix of the causes a
 * real department shows. Generated at start (deterministic for a seed), never
 * stored in git; no Contoso user's facts change.
 */
import { stableGuid } from './stableGuid';
import type { JsonObject, MemberContainer, TenantState } from './tenantState';
import { seededRandom } from './seededRandom';

export const POPULATION_GROUP = 'Rollout Wave 1';
const PILOT_GROUP = 'Passkey Pilot';
const EXCLUSIONS_GROUP = 'Passkey Exclusions';

export interface PopulationOptions {
  size: number;
  seed: number;
  now: Date;
}

/** The share of each kind of person, in per mille (the rest are ready with Microsoft Authenticator). */
const MIX = [
  { kind: 'synced-passkey', perMille: 150 },
  { kind: 'phone-only', perMille: 200 },
  { kind: 'no-mfa', perMille: 90 },
  { kind: 'excluded', perMille: 40 },
  { kind: 'disabled', perMille: 30 },
  { kind: 'guest', perMille: 25 },
  { kind: 'expired-pass', perMille: 5 },
  { kind: 'new-account', perMille: 10 },
] as const;
type Kind = (typeof MIX)[number]['kind'] | 'authenticator';

function kindOf(roll: number): Kind {
  let edge = 0;
  for (const { kind, perMille } of MIX) {
    edge += perMille / 1000;
    if (roll < edge) return kind;
  }
  return 'authenticator';
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatima', 'Goran', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mei', 'Nils', 'Oona', 'Priya'];
const LAST = ['Smith', "O'Brien", 'García', 'Nguyen', 'Müller', 'Kowalski', 'Okafor', 'Rossi', 'Tanaka', 'Silva', 'Dubois', 'Haddad'];

const method = (type: string, id: string, extra: JsonObject = {}): JsonObject => ({ '@odata.type': `#microsoft.graph.${type}`, id, ...extra });

function methodsFor(kind: Kind, id: string, now: Date): JsonObject[] {
  const password = method('passwordAuthenticationMethod', `${id}-pw`);
  const authenticator = method('microsoftAuthenticatorAuthenticationMethod', `${id}-ma`, { displayName: 'Phone', deviceTag: 'SoftwareTokenActivated' });
  switch (kind) {
    case 'synced-passkey':
      return [password, authenticator, method('fido2AuthenticationMethod', `${id}-pk`, { displayName: 'iCloud Keychain', aaGuid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd', model: 'iCloud Keychain', passkeyType: 'synced', attestationLevel: 'notAttested', createdDateTime: '2026-06-01T10:00:00Z' })];
    case 'phone-only':
      return [password, method('phoneAuthenticationMethod', `${id}-ph`, { phoneNumber: '+1 555 0100', phoneType: 'mobile', smsSignInState: 'notAllowedByPolicy' })];
    case 'no-mfa':
    case 'new-account':
      return [password, method('emailAuthenticationMethod', `${id}-em`, { emailAddress: 'someone@example.com' })];
    case 'expired-pass': {
      const start = new Date(now.getTime() - 3 * 86_400_000).toISOString();
      return [password, method('temporaryAccessPassAuthenticationMethod', `${id}-tap`, { startDateTime: start, createdDateTime: start, lifetimeInMinutes: 60, isUsableOnce: true })];
    }
    default:
      return [password, authenticator];
  }
}

function requireGroup(tenant: TenantState, name: string): MemberContainer {
  const group = tenant.groups.find((g) => g.object['displayName'] === name);
  if (!group) throw new RangeError(`The sandbox population needs the fixture group "${name}".`);
  return group;
}

/** Adds `size` generated people (and a few devices, which a sweep skips) to the tenant. */
export function addPopulation(tenant: TenantState, options: PopulationOptions): void {
  if (options.size <= 0) return;
  const next = seededRandom(options.seed);
  const waveId = stableGuid(`population-${options.seed}-group`);
  const wave: MemberContainer = {
    object: { id: waveId, displayName: POPULATION_GROUP, description: `Generated: ${options.size} people (seed ${options.seed})`, groupTypes: [], securityEnabled: true, mailEnabled: false },
    memberIds: [],
  };
  const exclusions = requireGroup(tenant, EXCLUSIONS_GROUP);
  for (let i = 0; i < options.size; i++) {
    const kind = kindOf(next());
    const id = stableGuid(`population-${options.seed}-${i}`);
    const first = FIRST[Math.floor(next() * FIRST.length)];
    const last = LAST[Math.floor(next() * LAST.length)];
    const local = `${first}.${last}.${i}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
    const guest = kind === 'guest';
    tenant.users.push({
      id,
      userPrincipalName: guest ? `${local}_fabrikam.com#EXT#@contoso.com` : `${local}@contoso.com`,
      displayName: `${last}, ${first}`,
      userType: guest ? 'Guest' : 'Member',
      accountEnabled: kind !== 'disabled',
      createdDateTime: kind === 'new-account' ? new Date(options.now.getTime() - 3_600_000).toISOString() : '2024-01-15T09:00:00Z',
    });
    tenant.authenticationMethods.set(id, methodsFor(kind, id, options.now));
    wave.memberIds.push(id);
    if (kind === 'excluded') exclusions.memberIds.push(id);
  }
  for (let d = 0; d < Math.min(20, Math.ceil(options.size / 500)); d++) wave.memberIds.push(stableGuid(`population-${options.seed}-device-${d}`));
  tenant.groups.push(wave);
  requireGroup(tenant, PILOT_GROUP).memberIds.push(waveId);
}

/** SANDBOX_POPULATION (people, default 5,000; 0 for none) and SANDBOX_POPULATION_SEED (default 14). */
export function populationFromEnv(env: NodeJS.ProcessEnv): { size: number; seed: number } | undefined {
  const size = env['SANDBOX_POPULATION'] === undefined || env['SANDBOX_POPULATION'] === '' ? 5000 : Number(env['SANDBOX_POPULATION']);
  const seed = env['SANDBOX_POPULATION_SEED'] === undefined || env['SANDBOX_POPULATION_SEED'] === '' ? 14 : Number(env['SANDBOX_POPULATION_SEED']);
  if (!Number.isInteger(size) || size < 0 || size > 1_000_000) throw new RangeError(`SANDBOX_POPULATION must be a whole number of people from 0 to 1,000,000, got '${env['SANDBOX_POPULATION']}'.`);
  if (!Number.isInteger(seed)) throw new RangeError(`SANDBOX_POPULATION_SEED must be a whole number, got '${env['SANDBOX_POPULATION_SEED']}'.`);
  return size ? { size, seed } : undefined;
}
