/** The registration campaign when it can nudge anyone: on (or Microsoft-managed) and targeting somebody. */
import type { RegistrationCampaign } from '../../../model/facts';
import type { PolicyContext } from '../context';

export function activeCampaign(ctx: PolicyContext): RegistrationCampaign | null {
  const campaign = ctx.policy.registrationCampaign;
  return campaign && campaign.state !== 'disabled' && campaign.includeTargets.length > 0 ? campaign : null;
}

/** The campaign's targeted method names passkeys rather than the Authenticator app. */
export const isPasskeyMethod = (method: string): boolean => /passkey|fido2/i.test(method);
