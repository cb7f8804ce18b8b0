/** authenticationMethodsPolicy → facts (docs/graph-facts.md §1–§3). */
import type {
  AuthenticationMethodsPolicy,
  Fido2Configuration,
  KeyRestrictions,
  MethodConfiguration,
  PasskeyProfile,
  PasskeyType,
  PolicyTarget,
  RegistrationCampaign,
  TapConfiguration,
} from '../../model/facts';
import { arr, bool, num, obj, str, strings, type Json } from './values';

function target(raw: unknown): PolicyTarget | null {
  const t = obj(raw);
  const id = str(t.id);
  if (!id) return null;
  const allowed = t.allowedPasskeyProfiles;
  return {
    id,
    targetType: str(t.targetType) === 'user' ? 'user' : 'group',
    ...(Array.isArray(allowed) ? { allowedPasskeyProfiles: strings(allowed).map((p) => p.toLowerCase()) } : {}),
  };
}

const targets = (raw: unknown): PolicyTarget[] => arr(raw).map(target).filter((t): t is PolicyTarget => t !== null);

function keyRestrictions(raw: unknown): KeyRestrictions {
  const k = obj(raw);
  return {
    isEnforced: bool(k.isEnforced) ?? false,
    enforcementType: str(k.enforcementType) === 'allow' ? 'allow' : 'block',
    aaGuids: strings(k.aaGuids).map((g) => g.toLowerCase()),
  };
}

/** `passkeyTypes` is a flags enum serialised as a comma-separated string. */
function passkeyTypes(raw: unknown): PasskeyType[] {
  const parts = (str(raw) ?? '').split(',').map((s) => s.trim());
  return (['deviceBound', 'synced'] as const).filter((t) => parts.includes(t));
}

function profile(raw: unknown): PasskeyProfile {
  const p = obj(raw);
  return {
    id: (str(p.id) ?? '').toLowerCase(),
    name: str(p.name) ?? 'Unnamed passkey profile',
    passkeyTypes: passkeyTypes(p.passkeyTypes),
    attestationEnforcement: str(p.attestationEnforcement) === 'registrationOnly' ? 'registrationOnly' : 'disabled',
    keyRestrictions: keyRestrictions(p.keyRestrictions),
  };
}

function methodConfiguration(c: Json): MethodConfiguration {
  return {
    id: str(c.id) ?? '',
    state: str(c.state) === 'enabled' ? 'enabled' : 'disabled',
    includeTargets: targets(c.includeTargets),
    excludeTargets: targets(c.excludeTargets),
  };
}

function fido2(c: Json): Fido2Configuration {
  return {
    ...methodConfiguration(c),
    isSelfServiceRegistrationAllowed: bool(c.isSelfServiceRegistrationAllowed) ?? false,
    isAttestationEnforced: bool(c.isAttestationEnforced) ?? false,
    keyRestrictions: keyRestrictions(c.keyRestrictions),
    defaultPasskeyProfile: str(c.defaultPasskeyProfile)?.toLowerCase() ?? null,
    passkeyProfiles: arr(c.passkeyProfiles).map(profile),
  };
}

function tap(c: Json): TapConfiguration {
  return {
    ...methodConfiguration(c),
    defaultLifetimeInMinutes: num(c.defaultLifetimeInMinutes) ?? 60,
    minimumLifetimeInMinutes: num(c.minimumLifetimeInMinutes) ?? 60,
    maximumLifetimeInMinutes: num(c.maximumLifetimeInMinutes) ?? 480,
    defaultLength: num(c.defaultLength) ?? 8,
    isUsableOnce: bool(c.isUsableOnce) ?? false,
  };
}

function registrationCampaign(raw: unknown): RegistrationCampaign | undefined {
  const campaign = obj(obj(raw).authenticationMethodsRegistrationCampaign);
  const state = str(campaign.state);
  if (!state) return undefined;
  return {
    state,
    includeTargets: arr(campaign.includeTargets).flatMap((t) => {
      const parsed = target(t);
      return parsed ? [{ ...parsed, targetedAuthenticationMethod: str(obj(t).targetedAuthenticationMethod) ?? 'microsoftAuthenticator' }] : [];
    }),
    excludeTargets: targets(campaign.excludeTargets),
  };
}

export function parseAuthenticationMethodsPolicy(body: unknown): AuthenticationMethodsPolicy {
  const policy = obj(body);
  const campaign = registrationCampaign(policy.registrationEnforcement);
  const configs = arr(policy.authenticationMethodConfigurations).map(obj);
  const byId = (id: string) => configs.find((c) => (str(c.id) ?? '').toLowerCase() === id.toLowerCase());
  const fido2Raw = byId('Fido2');
  const tapRaw = byId('TemporaryAccessPass');
  return {
    policyMigrationState: str(policy.policyMigrationState) ?? 'preMigration',
    fido2: fido2Raw ? fido2(fido2Raw) : null,
    temporaryAccessPass: tapRaw ? tap(tapRaw) : null,
    methodConfigurations: configs.map(methodConfiguration),
    ...(campaign ? { registrationCampaign: campaign } : {}),
  };
}
