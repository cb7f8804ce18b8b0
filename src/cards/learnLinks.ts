/** Titles for the Microsoft Learn pages the findings cite, so a fix step reads as words, not URLs. */
import { matrixSource, sourceIds } from '../catalog/platformMatrix';
import { DOCS } from '../model/findingCodes';

const TITLES: Record<keyof typeof DOCS, string> = {
  enablePasskeys: 'Enable passkeys (FIDO2)',
  passkeyProfiles: 'Passkey profiles',
  compatibility: 'Passkey compatibility',
  attestationVendors: 'Attestation-eligible keys',
  authenticatorPasskeys: 'Passkeys in Microsoft Authenticator',
  syncedPasskeys: 'Synced passkeys',
  registerSecurityKey: 'Register a security key',
  windowsPasskeys: 'Passkeys on Windows',
  passkeysFido2: 'Passkeys (FIDO2)',
  certificateBasedAuth: 'Certificate-based authentication',
  conditionalAccessTroubleshooting: 'Troubleshoot Conditional Access',
  riskPolicies: 'ID Protection risk policies',
  passkeyFaq: 'Passkey FAQ',
  temporaryAccessPass: 'Temporary Access Pass',
  methodsPolicy: 'Authentication methods policy',
  migrateMethods: 'Migrate legacy MFA settings',
  authenticationStrengths: 'Authentication strengths',
  securityDefaults: 'Security defaults',
  signInLogs: 'Sign-in logs',
  signInErrorCodes: 'Sign-in error codes',
  registrationCa: 'Conditional Access for security info registration',
  graphPermissions: 'Microsoft Graph permissions',
  graphThrottling: 'Microsoft Graph throttling',
  b2bGuests: 'Guest user properties',
};

// The platform matrix cites its own sources; the newest title for a URL wins over older revisions, ours over both.
const MATRIX_TITLES = sourceIds()
  .map(matrixSource)
  .filter((s) => s.url)
  .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
  .map((s) => [s.url!, s.title] as const);

const BY_URL = new Map<string, string>([
  ...MATRIX_TITLES,
  ...Object.entries(DOCS).map(([key, url]) => [url, TITLES[key as keyof typeof DOCS]] as const),
]);

/** A markdown link; pages we have no title for are still linked, as "Microsoft Learn". */
export function learnLink(url: string): string {
  return `[${BY_URL.get(url) ?? 'Microsoft Learn'}](${url})`;
}
