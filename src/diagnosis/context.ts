/**
 * What every layer reads: the facts plus the few things derived from them
 * that more than one layer needs (membership, the resolved device, the
 * intended authenticator). Built once per diagnosis by `verdict.ts`.
 */
import type {
  AuthenticationMethodsPolicy,
  DeviceInput,
  DiagnosisSettings,
  DirectoryUser,
  Fact,
  TenantFacts,
  UserFacts,
} from '../model/facts';
import type { Membership } from './scope';
import type { ResolvedDevice } from './device';
import type { IntendedAuthenticator } from './intendedAuthenticator';

export interface DiagnosisInput {
  tenant: TenantFacts;
  user: UserFacts;
  /** Device details the technician gave; they always win over inferred ones. */
  device?: DeviceInput;
  settings: DiagnosisSettings;
}

export interface LayerContext {
  tenant: TenantFacts;
  facts: UserFacts;
  /** The user exists (user-not-found verdicts never reach the layers). */
  user: DirectoryUser;
  policy: Fact<AuthenticationMethodsPolicy>;
  membership: Fact<Membership>;
  device: ResolvedDevice;
  intended: IntendedAuthenticator | null;
  settings: DiagnosisSettings;
  /** `facts.now` as epoch milliseconds. */
  nowMs: number;
}

/** A person's name for messages: display name, else the UPN. */
export const personName = (user: DirectoryUser): string => user.displayName || user.userPrincipalName;

export const isGuest = (user: DirectoryUser): boolean =>
  (user.userType ?? '').toLowerCase() === 'guest' || isExternalGuest(user);

/** Signs in through another organisation: an `#EXT#` UPN. Its sign-ins and MFA live in the home tenant. */
export function isExternalGuest(user: DirectoryUser): boolean {
  return user.userPrincipalName.toUpperCase().includes('#EXT#');
}

/**
 * userType Guest with a UPN of this tenant: signs in here, and "You can add a
 * TAP … to an internal guest" (howto-authentication-temporary-access-pass);
 * only passkeys are refused.
 */
export const isInternalGuest = (user: DirectoryUser): boolean => isGuest(user) && !isExternalGuest(user);
