/**
 * Who is who in the built-in Contoso tenant, for start-up wiring (the bot's
 * operators group), demos and tests. Ids come from the fixture file itself,
 * so they cannot drift from it.
 */
import contoso from './fixtures/contoso.json';
import { PasskeyDoctorError } from '../errors/catalog';

export interface SandboxUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** The failure mode this user demonstrates, with the finding code the diagnosis should give. */
  scenario: string;
}

function user(userPrincipalName: string, scenario: string): SandboxUser {
  const found = contoso.users.find((candidate) => candidate.userPrincipalName === userPrincipalName);
  if (!found) throw new PasskeyDoctorError('SANDBOX_INVALID', 'noUser', { upn: userPrincipalName });
  return { id: found.id, userPrincipalName, displayName: found.displayName, scenario };
}

function groupId(displayName: string): string {
  const found = contoso.groups.find((candidate) => candidate.displayName === displayName);
  if (!found) throw new PasskeyDoctorError('SANDBOX_INVALID', 'noGroup', { name: displayName });
  return found.id;
}

export const SANDBOX_TENANT = {
  id: contoso.tenant.id,
  displayName: contoso.tenant.displayName,
  defaultDomain: contoso.tenant.defaultDomain,
} as const;

export const SANDBOX_USERS = {
  ready: user('carol@contoso.com', 'Ready apart from device details (outcome incomplete).'),
  noMfaMethod: user('alice@contoso.com', 'Password only: L3.NO_MFA_METHOD; a TAP would fix it.'),
  excluded: user('bob@contoso.com', 'In the pilot but also in a nested exclusion group: L1.EXCLUDED.'),
  mfaStale: user('dave@contoso.com', 'Last MFA three hours ago: L4.MFA_STALE.'),
  authenticatorBlocked: user(
    'erin@contoso.com',
    'Only in "Security Keys Only"; failed with Authenticator for Android: L2.AUTHENTICATOR_BLOCKED.',
  ),
  guest: user('frank_fabrikam.com#EXT#@contoso.com', 'External guest: L1.GUEST_USER.'),
  nestedGroup: user('grace@contoso.com', 'In scope only through "Pilot - Finance": L1.IN_SCOPE_VIA_NESTED_GROUP (info).'),
  registeredPasskey: user(
    "o'neil@contoso.com",
    'Apostrophe in the UPN; already has a YubiKey 5 NFC passkey (outcome incomplete).',
  ),
  disabled: user('ivan@contoso.com', 'Account disabled: L1.ACCOUNT_DISABLED.'),
  oldIphone: user('hannah@contoso.com', 'iPhone on iOS 16.7 wanting Authenticator (--path authenticator-app): L5.OS_TOO_OLD.'),
  chromebookKey: user('jamal@contoso.com', 'Chromebook with a security key (--path security-key): L5.UNSUPPORTED_PATH.'),
  firefoxAndroid: user('kenji@contoso.com', 'Firefox on Android (--path same-device): L5.UNSUPPORTED_BROWSER.'),
  whfbConflict: user(
    'wendy@contoso.com',
    'Windows Hello for Business on WENDY-LAPTOP, trying a Windows Hello passkey: L7.WHFB_MAY_CONFLICT; with --device-name WENDY-LAPTOP, L7.WHFB_CONFLICT.',
  ),
  windowsHelloOpenProfile: user('olivia@contoso.com', 'Windows Hello passkey (--path windows-hello) under the open default profile: L2.AUTHENTICATOR_BLOCKED.'),
  blockedByCa: user('pablo@contoso.com', 'Latest My Sign-ins visit blocked by a Conditional Access policy (53003): L4.SIGNIN_BLOCKED_BY_CA.'),
  mfaInterrupt: user('quinn@contoso.com', 'A 50074 MFA interrupt on My Sign-ins, then MFA a minute later: a prompt, not a failure (L4.SIGNIN_INTERRUPTED, info).'),
  wrongProvider: user('maria@contoso.com', 'Passkey landed in iCloud Keychain under an Authenticator-only profile: L7.WRONG_PROVIDER.'),
  registrationCa: user('nora@contoso.com', 'Registration CA policy requires phishing-resistant MFA: L3.REGISTRATION_CA_UNSATISFIABLE.'),
  operator: user('helpdesk@contoso.com', 'Help-desk operator (member of "Passkey Doctor Operators").'),
  approver: user('approver@contoso.com', 'TAP approver (member of "TAP Approvers").'),
} as const;

export const SANDBOX_GROUPS = {
  operators: groupId('Passkey Doctor Operators'),
  tapApprovers: groupId('TAP Approvers'),
  passkeyPilot: groupId('Passkey Pilot'),
  pilotFinance: groupId('Pilot - Finance'),
  securityKeysOnly: groupId('Security Keys Only'),
  passkeyExclusions: groupId('Passkey Exclusions'),
  breakGlass: groupId('Break-glass accounts'),
  allStaff: groupId('All Staff'),
  windowsHelloPasskeys: groupId('Windows Hello Passkeys'),
} as const;
