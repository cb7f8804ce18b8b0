/**
 * The authenticator catalogue: AAGUID → what the help desk calls it, and the
 * properties the policy checks need (passkey type, attestation in Entra).
 */
import entries from './data/aaguids.json';
import eligible from './data/attestation-eligible.json';
import type { PasskeyType } from '../model/facts';

export type AuthenticatorKind = 'app' | 'platform' | 'security-key' | 'synced-provider';

export interface Authenticator {
  /** Stable catalogue id, e.g. `authenticator-ios`, `yubikey-5-nfc`, `windows-hello`. */
  id: string;
  name: string;
  vendor: string;
  kind: AuthenticatorKind;
  passkeyType: PasskeyType;
  /** Entra accepts this model's attestation (Microsoft's eligible list / MDS). */
  attestationInEntra: boolean;
  /** Lower-case AAGUIDs that identify this product (firmware revisions share a name). */
  aaGuids: string[];
  notes: string;
  source: string;
}

interface CatalogueEntry {
  aaguid: string;
  name: string;
  kind: string;
  vendor: string;
  attestationInEntra: string;
  notes: string;
  source: string;
}

/** Ids people type; the rest are derived from the product name. */
const ID_OVERRIDES: Record<string, string> = {
  'Microsoft Authenticator for iOS': 'authenticator-ios',
  'Microsoft Authenticator for Android': 'authenticator-android',
  'Windows Hello Hardware Authenticator (TPM)': 'windows-hello',
  'Windows Hello VBS Hardware Authenticator': 'windows-hello',
  'Windows Hello Software Authenticator (software TPM)': 'windows-hello',
  'Apple Passwords (iCloud Keychain)': 'icloud-keychain',
  'iCloud Keychain (Managed)': 'icloud-keychain-managed',
};

const KINDS: Record<string, AuthenticatorKind> = {
  app: 'app',
  platform: 'platform',
  roaming: 'security-key',
  'synced-provider': 'synced-provider',
};

function catalogueId(name: string): string {
  return (
    ID_OVERRIDES[name] ??
    name
      .toLowerCase()
      .replace(/ series\b/g, '')
      .replace(/ with /g, ' ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

/** Microsoft's attestation-eligible security keys (concept-fido2-hardware-vendor), refreshed by scripts/refresh-attestation-list.js. */
export const ATTESTATION_LIST = {
  source: eligible.source,
  msDate: eligible.msDate,
  mdsVersion: eligible.mdsVersion,
  retrieved: eligible.retrieved,
  count: eligible.keys.length,
} as const;
const ELIGIBLE = new Set(eligible.keys.map((k) => k.aaguid.toLowerCase()));

/** On Microsoft's attestation-eligible list: what Entra accepts when a profile enforces attestation. */
export const isAttestationEligible = (aaguid: string): boolean => ELIGIBLE.has(aaguid.toLowerCase());

/** A key only Microsoft's list knows: named by the list, device-bound, eligible by definition. */
const listedKey = (key: (typeof eligible.keys)[number]): CatalogueEntry => ({
  aaguid: key.aaguid,
  name: key.description,
  kind: 'roaming',
  vendor: '',
  attestationInEntra: 'supported',
  notes: `On Microsoft's attestation-eligible list (FIDO MDS ${eligible.mdsVersion}); not described further in Passkey Doctor's catalogue.`,
  source: `${eligible.source} (ms.date ${eligible.msDate}, retrieved ${eligible.retrieved})`,
});

function buildCatalogue(list: CatalogueEntry[]): Map<string, Authenticator> {
  const byId = new Map<string, Authenticator>();
  for (const entry of list) {
    const id = catalogueId(entry.name);
    const existing = byId.get(id);
    if (existing) {
      existing.aaGuids.push(entry.aaguid.toLowerCase());
      continue;
    }
    const kind = KINDS[entry.kind] ?? 'security-key';
    byId.set(id, {
      id,
      name: id === 'windows-hello' ? 'Windows Hello' : entry.name,
      vendor: entry.vendor,
      kind,
      passkeyType: kind === 'synced-provider' ? 'synced' : 'deviceBound',
      // Microsoft's list decides for security keys; apps and platforms attest by their own routes.
      attestationInEntra: kind === 'security-key' ? isAttestationEligible(entry.aaguid) : entry.attestationInEntra === 'supported',
      aaGuids: [entry.aaguid.toLowerCase()],
      notes: entry.notes,
      source: entry.source,
    });
  }
  return byId;
}

const CURATED = entries as CatalogueEntry[];
const CURATED_AAGUIDS = new Set(CURATED.map((e) => e.aaguid.toLowerCase()));
/** The curated products the technician picks from (forms, examples). */
const PICKABLE = buildCatalogue(CURATED);
/** Every AAGUID we can name: the curated catalogue plus the rest of Microsoft's eligible list. */
const BY_ID = buildCatalogue([...CURATED, ...eligible.keys.filter((k) => !CURATED_AAGUIDS.has(k.aaguid.toLowerCase())).map(listedKey)]);
const BY_AAGUID = new Map([...BY_ID.values()].flatMap((a) => a.aaGuids.map((g) => [g, a] as const)));

const AAGUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isAaguid = (value: string): boolean => AAGUID_PATTERN.test(value);

export const authenticatorByAaguid = (aaguid: string): Authenticator | undefined => BY_AAGUID.get(aaguid.toLowerCase());

export const authenticatorById = (id: string): Authenticator | undefined => BY_ID.get(id.toLowerCase());

/** The curated products, in catalogue order (the eligible list's long tail is looked up, not offered). */
export const allAuthenticators = (): Authenticator[] => [...PICKABLE.values()];

/** The friendly name of an AAGUID; unknown ones are named, never guessed. */
export function authenticatorName(aaguid: string | null | undefined): string {
  if (!aaguid) return 'unknown authenticator';
  return authenticatorByAaguid(aaguid)?.name ?? `unknown authenticator (AAGUID ${aaguid.toLowerCase()})`;
}

export const MICROSOFT_AUTHENTICATOR_AAGUIDS = {
  ios: '90a3ccdf-635c-4729-a248-9b709135078f',
  android: 'de1e552d-db1d-4423-a619-566b625cdc84',
} as const;

/**
 * Resolves what a technician typed (`--authenticator`): an AAGUID (any case)
 * or a catalogue id. Returns the lower-case AAGUID, or undefined if neither.
 * A catalogue id stands for its product's first AAGUID.
 */
export function resolveAuthenticator(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  if (isAaguid(value)) return value;
  return authenticatorById(value)?.aaGuids[0];
}
