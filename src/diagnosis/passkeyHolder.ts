/**
 * What will hold the passkey being registered: the intended authenticator
 * when one is known, else what the registration path implies. Layers 6 and 7
 * judge the hardware and the provider of this holder.
 */
import { authenticatorByAaguid, type Authenticator } from '../catalog/authenticators';
import { providerOfAuthenticator } from '../catalog/passkeyProviders';
import type { Provider } from '../catalog/platformMatrix';
import type { LayerContext } from './context';
import type { RegistrationPath } from '../model/facts';

export interface PasskeyHolder {
  /** Null: not known (no authenticator, and a path that does not decide it). */
  provider: Provider | null;
  /** The catalogue entry of the intended authenticator, when the catalogue knows it. */
  authenticator: Authenticator | null;
  /** The intended authenticator's AAGUID, catalogued or not. */
  aaGuid: string | null;
}

const PATH_PROVIDERS: Partial<Record<RegistrationPath, Provider>> = {
  'security-key': 'security-key',
  'authenticator-app': 'microsoft-authenticator',
  'windows-hello': 'windows-hello',
};

const pathProvider = (path: RegistrationPath | null): Provider | null => (path ? PATH_PROVIDERS[path] ?? null : null);

export function passkeyHolder(ctx: LayerContext): PasskeyHolder {
  const path = ctx.device.path;
  const aaGuid = ctx.intended?.aaGuid ?? null;
  const authenticator = aaGuid ? authenticatorByAaguid(aaGuid) ?? null : null;
  const byPath = pathProvider(path);
  // An uncatalogued AAGUID on the security-key path is still a security key; elsewhere it says nothing.
  const provider = authenticator ? providerOfAuthenticator(authenticator) : aaGuid && byPath !== 'security-key' ? null : byPath;
  return { provider, authenticator, aaGuid };
}

/**
 * The provider the user means to save to: the authenticator the technician
 * gave or the path implies. A failed registration shows what was tried, which
 * is not necessarily what was meant.
 */
export function meantProvider(ctx: LayerContext): Provider | null {
  if (ctx.intended && ctx.intended.source !== 'failed-registration') return passkeyHolder(ctx).provider;
  return pathProvider(ctx.device.path);
}
