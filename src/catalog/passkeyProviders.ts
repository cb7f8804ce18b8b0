/**
 * Which row of the platform matrix an authenticator belongs to: the
 * catalogue knows products, the matrix knows providers.
 */
import { authenticatorByAaguid, authenticatorById, type Authenticator } from './authenticators';
import type { Provider } from './platformMatrix';

const BY_CATALOGUE_ID: Record<string, Provider> = {
  'icloud-keychain': 'apple-passwords',
  'icloud-keychain-managed': 'apple-passwords',
  'google-password-manager': 'google-password-manager',
  'windows-hello': 'windows-hello',
};

export function providerOfAuthenticator(authenticator: Authenticator): Provider {
  const named = BY_CATALOGUE_ID[authenticator.id];
  if (named) return named;
  switch (authenticator.kind) {
    case 'app':
      return 'microsoft-authenticator';
    case 'security-key':
      return 'security-key';
    // The only other platform entries are the Chrome and Edge profiles on the Mac.
    case 'platform':
      return 'browser-profile';
    case 'synced-provider':
      return 'third-party';
  }
}

/** Null for an AAGUID the catalogue does not know. */
export function providerOf(aaGuid: string | null | undefined): Provider | null {
  const authenticator = aaGuid ? authenticatorByAaguid(aaGuid) : undefined;
  return authenticator ? providerOfAuthenticator(authenticator) : null;
}

/** The catalogue product that stands for a provider when only the provider is known (a system's default). */
const REPRESENTATIVES: Partial<Record<Provider, string>> = {
  'apple-passwords': 'icloud-keychain',
  'google-password-manager': 'google-password-manager',
  'windows-hello': 'windows-hello',
};

export function representativeOf(provider: Provider): Authenticator | null {
  const id = REPRESENTATIVES[provider];
  return id ? authenticatorById(id) ?? null : null;
}
