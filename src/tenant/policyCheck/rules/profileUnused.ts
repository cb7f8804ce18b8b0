/** POLICY.PROFILE_UNUSED: a profile no include target names (the default profile excepted) applies to nobody. */
import { targetsOfProfile } from '../context';
import type { PolicyRule } from '../context';

export const profileUnused: PolicyRule = (ctx) =>
  !ctx.fido2 || ctx.legacy
    ? []
    : ctx.profiles
        .filter((p) => p.id !== ctx.fido2!.defaultPasskeyProfile && targetsOfProfile(ctx, p).length === 0)
        .map((p) => ({ code: 'POLICY.PROFILE_UNUSED', evidence: { profile: p.name } }));
