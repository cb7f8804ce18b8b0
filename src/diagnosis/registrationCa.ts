/**
 * Layer 3's Conditional Access gate on the "Register security info" user
 * action. Placeholder with the agreed signature until the real check lands.
 */
import type { LayerContext } from './context';
import type { Finding } from './verdictTypes';

export function evaluateRegistrationCa(_ctx: LayerContext, _usableMethodKinds: string[], _tapAvailable: boolean): Finding[] {
  return [];
}
