/**
 * Which audit events are passkey / FIDO2 registration attempts (docs/contracts.md §9).
 * Matched case-insensitively on the activity name; anything else the
 * Authentication Methods service logs (TAP, phone, password reset…) is not
 * counted.
 */
export interface ActivitySource {
  activity: string;
  source: string;
  quote: string;
}

export const REGISTRATION_ACTIVITIES: readonly ActivitySource[] = [
  {
    activity: 'Add Passkey (device-bound)',
    source: 'https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities',
    quote: 'Device Registration Service … Add Passkey (device-bound)',
  },
  {
    activity: 'Add Passkey (synced)',
    source: 'https://learn.microsoft.com/entra/identity/authentication/how-to-authentication-passkeys-fido2',
    quote: 'Registration audit events … "Add Passkey (synced)" (passkey profiles GA, March 2026; facts-2026)',
  },
  {
    activity: 'Add Passkey (device-bound) security key',
    source: 'https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities',
    quote: 'Older/variant name seen in community queries: "Add Passkey (device-bound) security key"',
  },
  {
    activity: 'Add FIDO2 security key',
    source: 'https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2',
    quote: 'Registration audit events … "Add FIDO2 security key"; the AAGUID is in additionalDetails',
  },
  {
    activity: 'User registered Passkey',
    source: 'https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities',
    quote: 'also observed: "User registered Passkey"',
  },
];

const NAMES = new Set(REGISTRATION_ACTIVITIES.map((a) => a.activity.toLowerCase()));

export const isRegistrationActivity = (activity: string): boolean => NAMES.has(activity.trim().toLowerCase());
