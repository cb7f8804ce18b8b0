/**
 * The finding-code catalogue (docs/contracts.md §4). Codes are stable ids: messages
 * may change, codes may not. The order of this table is the order findings
 * take inside a layer, which decides the root cause (docs/contracts.md §3).
 */
import type { LayerNumber, Severity } from './layers';

const LEARN = 'https://learn.microsoft.com/entra/identity/authentication';

export const DOCS = {
  enablePasskeys: `${LEARN}/how-to-enable-passkey-fido2`,
  passkeyProfiles: `${LEARN}/how-to-authentication-passkey-profiles`,
  compatibility: `${LEARN}/concept-fido2-compatibility`,
  attestationVendors: `${LEARN}/concept-fido2-hardware-vendor`,
  authenticatorPasskeys: `${LEARN}/how-to-enable-authenticator-passkey`,
  syncedPasskeys: `${LEARN}/how-to-synced-passkeys`,
  registerSecurityKey: `${LEARN}/how-to-register-passkey-with-security-key`,
  windowsPasskeys: `${LEARN}/how-to-authentication-entra-passkeys-on-windows`,
  passkeysFido2: `${LEARN}/how-to-authentication-passkeys-fido2`,
  certificateBasedAuth: `${LEARN}/concept-certificate-based-authentication`,
  conditionalAccessTroubleshooting: 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access',
  riskPolicies: 'https://learn.microsoft.com/entra/id-protection/concept-identity-protection-policies',
  passkeyFaq: `${LEARN}/passkey-faq`,
  temporaryAccessPass: `${LEARN}/howto-authentication-temporary-access-pass`,
  methodsPolicy: `${LEARN}/concept-authentication-methods-manage`,
  migrateMethods: `${LEARN}/how-to-authentication-methods-manage`,
  authenticationStrengths: `${LEARN}/concept-authentication-strengths`,
  securityDefaults: 'https://learn.microsoft.com/entra/fundamentals/security-defaults',
  signInLogs: 'https://learn.microsoft.com/entra/identity/monitoring-health/concept-sign-ins',
  signInErrorCodes: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  registrationCa: 'https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-security-info-registration',
  graphPermissions: 'https://learn.microsoft.com/graph/permissions-reference',
  graphThrottling: 'https://learn.microsoft.com/graph/throttling',
  b2bGuests: 'https://learn.microsoft.com/entra/external-id/user-properties',
} as const;

interface CodeSpec {
  /** 0 for GRAPH.* codes, which may stand in any layer. */
  layer: LayerNumber | 0;
  severity: Severity;
  docs: string[];
}

export const FINDING_CODES = {
  'L1.METHOD_DISABLED': { layer: 1, severity: 'fail', docs: [DOCS.enablePasskeys] },
  'L1.NOT_TARGETED': { layer: 1, severity: 'fail', docs: [DOCS.enablePasskeys] },
  'L1.EXCLUDED': { layer: 1, severity: 'fail', docs: [DOCS.enablePasskeys] },
  'L1.SELF_SERVICE_OFF': { layer: 1, severity: 'fail', docs: [DOCS.enablePasskeys] },
  'L1.GUEST_USER': { layer: 1, severity: 'fail', docs: [DOCS.enablePasskeys, DOCS.b2bGuests] },
  'L1.ACCOUNT_DISABLED': { layer: 1, severity: 'fail', docs: [] },
  'L1.SECURITY_DEFAULTS_ON': { layer: 1, severity: 'info', docs: [DOCS.securityDefaults] },
  'L1.TARGET_GROUP_MISSING': { layer: 1, severity: 'warn', docs: [DOCS.enablePasskeys] },
  'L1.IN_SCOPE_VIA_NESTED_GROUP': { layer: 1, severity: 'info', docs: [DOCS.enablePasskeys] },

  'L2.NO_APPLICABLE_PROFILE': { layer: 2, severity: 'fail', docs: [DOCS.passkeyProfiles] },
  'L2.AUTHENTICATOR_BLOCKED': { layer: 2, severity: 'fail', docs: [DOCS.passkeyProfiles] },
  'L2.ATTESTATION_REQUIRED': { layer: 2, severity: 'fail', docs: [DOCS.passkeyProfiles, DOCS.attestationVendors] },
  'L2.SYNCED_NOT_ALLOWED': { layer: 2, severity: 'fail', docs: [DOCS.passkeyProfiles, DOCS.syncedPasskeys] },
  'L2.AUTHENTICATOR_APP_NOT_ALLOWED': { layer: 2, severity: 'warn', docs: [DOCS.passkeyProfiles, DOCS.authenticatorPasskeys] },
  'L2.REGISTERED_PASSKEY_NOW_BLOCKED': { layer: 2, severity: 'warn', docs: [DOCS.passkeyProfiles] },
  'L2.NEEDS_AUTHENTICATOR': { layer: 2, severity: 'needs-info', docs: [DOCS.passkeyProfiles] },
  'L2.AUTHENTICATOR_UNKNOWN': { layer: 2, severity: 'warn', docs: [DOCS.attestationVendors] },
  'L2.PROFILES_APPLIED': { layer: 2, severity: 'info', docs: [DOCS.passkeyProfiles] },

  'L3.NO_MFA_METHOD': { layer: 3, severity: 'fail', docs: [DOCS.temporaryAccessPass] },
  'L3.TAP_USABLE': { layer: 3, severity: 'info', docs: [DOCS.temporaryAccessPass] },
  'L3.TAP_NOT_USABLE': { layer: 3, severity: 'warn', docs: [DOCS.temporaryAccessPass] },
  'L3.TAP_POLICY_BLOCKS': { layer: 3, severity: 'warn', docs: [DOCS.temporaryAccessPass] },
  'L3.REGISTRATION_CA_UNSATISFIABLE': { layer: 3, severity: 'fail', docs: [DOCS.registrationCa, DOCS.authenticationStrengths] },
  'L3.REGISTRATION_CA_UNKNOWN': { layer: 3, severity: 'unknown', docs: [DOCS.registrationCa, DOCS.authenticationStrengths] },
  'L3.REGISTRATION_CA_APPLIES': { layer: 3, severity: 'info', docs: [DOCS.registrationCa] },
  'L3.TAP_INTERRUPT_MODE': { layer: 3, severity: 'info', docs: [DOCS.temporaryAccessPass] },
  'L3.LEGACY_MFA_SETTINGS': { layer: 3, severity: 'info', docs: [DOCS.migrateMethods] },
  'L3.MFA_METHODS': { layer: 3, severity: 'info', docs: [DOCS.methodsPolicy] },

  'L4.SIGNIN_BLOCKED_BY_CA': { layer: 4, severity: 'fail', docs: [DOCS.signInErrorCodes, DOCS.conditionalAccessTroubleshooting] },
  'L4.PROOF_UP_BLOCKED_BY_RISK': { layer: 4, severity: 'fail', docs: [DOCS.signInErrorCodes, DOCS.riskPolicies] },
  'L4.MFA_STALE': { layer: 4, severity: 'warn', docs: [DOCS.enablePasskeys] },
  'L4.NO_RECENT_SIGNIN': { layer: 4, severity: 'warn', docs: [DOCS.enablePasskeys] },
  'L4.RECENT_SIGNIN_FAILED': { layer: 4, severity: 'warn', docs: [DOCS.signInErrorCodes] },
  'L4.SIGNIN_LOGS_UNAVAILABLE': { layer: 4, severity: 'unknown', docs: [DOCS.signInLogs] },
  'L4.GUEST_SIGNINS_IN_HOME_TENANT': { layer: 4, severity: 'unknown', docs: [DOCS.b2bGuests] },
  'L4.MFA_RECENT': { layer: 4, severity: 'info', docs: [DOCS.enablePasskeys] },
  'L4.SIGNIN_INTERRUPTED': { layer: 4, severity: 'info', docs: [DOCS.signInErrorCodes] },
  'L4.SIGNIN_ERROR_UNRECOGNISED': { layer: 4, severity: 'info', docs: [DOCS.signInErrorCodes] },

  'L5.DEVICE_UNKNOWN': { layer: 5, severity: 'needs-info', docs: [DOCS.compatibility] },
  'L5.DEVICE_INFERRED': { layer: 5, severity: 'info', docs: [DOCS.compatibility] },
  'L5.UNSUPPORTED_BROWSER': { layer: 5, severity: 'fail', docs: [DOCS.compatibility] },
  'L5.UNSUPPORTED_PATH': { layer: 5, severity: 'fail', docs: [DOCS.compatibility] },
  'L5.OS_TOO_OLD': { layer: 5, severity: 'fail', docs: [DOCS.compatibility] },
  'L5.CROSS_DEVICE_PREREQS': { layer: 5, severity: 'info', docs: [DOCS.compatibility] },
  'L5.DOCS_CONFLICT': { layer: 5, severity: 'warn', docs: [DOCS.compatibility] },
  'L5.UNDOCUMENTED_COMBINATION': { layer: 5, severity: 'warn', docs: [DOCS.compatibility] },
  'L5.DEVICE_INCOMPLETE': { layer: 5, severity: 'needs-info', docs: [DOCS.compatibility] },
  'L5.PLATFORM_NOTES': { layer: 5, severity: 'info', docs: [DOCS.compatibility] },

  'L6.ANDROID_SECURE_HARDWARE': { layer: 6, severity: 'warn', docs: [DOCS.authenticatorPasskeys] },
  'L6.KEY_NEEDS_PIN': { layer: 6, severity: 'warn', docs: [DOCS.registerSecurityKey] },
  'L6.KEY_NOT_ATTESTATION_ELIGIBLE': { layer: 6, severity: 'fail', docs: [DOCS.attestationVendors] },
  'L6.NEEDS_AUTHENTICATOR': { layer: 6, severity: 'needs-info', docs: [DOCS.compatibility] },
  'L6.ROOTED_OR_JAILBROKEN': { layer: 6, severity: 'info', docs: [DOCS.authenticatorPasskeys] },

  'L7.WRONG_PROVIDER': { layer: 7, severity: 'warn', docs: [DOCS.syncedPasskeys, DOCS.authenticatorPasskeys] },
  'L7.WHFB_CONFLICT': { layer: 7, severity: 'fail', docs: [DOCS.windowsPasskeys] },
  'L7.WHFB_MAY_CONFLICT': { layer: 7, severity: 'warn', docs: [DOCS.windowsPasskeys] },
  'L7.ORPHANED_LOCAL_PASSKEY': { layer: 7, severity: 'info', docs: [DOCS.passkeyFaq] },
  'L7.NEEDS_DEVICE': { layer: 7, severity: 'needs-info', docs: [DOCS.compatibility] },

  'GRAPH.PERMISSION_MISSING': { layer: 0, severity: 'unknown', docs: [DOCS.graphPermissions] },
  'GRAPH.LICENCE_MISSING': { layer: 0, severity: 'unknown', docs: [DOCS.signInLogs] },
  'GRAPH.THROTTLED': { layer: 0, severity: 'unknown', docs: [DOCS.graphThrottling] },
  'GRAPH.UNAVAILABLE': { layer: 0, severity: 'unknown', docs: [] },
  'GRAPH.USER_NOT_FOUND': { layer: 0, severity: 'unknown', docs: [] },
  'GRAPH.NOT_EVALUATED': { layer: 0, severity: 'unknown', docs: [] },
} as const satisfies Record<string, CodeSpec>;

export type FindingCode = keyof typeof FINDING_CODES;

const ORDER = new Map(Object.keys(FINDING_CODES).map((code, index) => [code, index]));

/** Position of a code in the catalogue; findings inside a layer are sorted by it. */
export const codeOrder = (code: FindingCode): number => ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
