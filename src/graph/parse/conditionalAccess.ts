/** CA policies and authentication strengths → facts, reduced to the registration gate. */
import type { AuthenticationStrength, ConditionalAccessPolicy } from '../../diagnosis/facts';
import { obj, str, strings, values } from './values';

export const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';

export function parseConditionalAccessPolicies(body: unknown): ConditionalAccessPolicy[] {
  return values(body)
    .map((p) => {
      const conditions = obj(p.conditions);
      const users = obj(conditions.users);
      const grant = obj(p.grantControls);
      const strength = obj(grant.authenticationStrength);
      return {
        id: str(p.id) ?? '',
        displayName: str(p.displayName) ?? 'Unnamed policy',
        state: str(p.state) ?? 'disabled',
        userActions: strings(obj(conditions.applications).includeUserActions),
        users: {
          includeUsers: strings(users.includeUsers),
          excludeUsers: strings(users.excludeUsers),
          includeGroups: strings(users.includeGroups),
          excludeGroups: strings(users.excludeGroups),
          includeRoles: strings(users.includeRoles),
          excludeRoles: strings(users.excludeRoles),
          includeGuestsOrExternalUsers: users.includeGuestsOrExternalUsers != null,
          excludeGuestsOrExternalUsers: users.excludeGuestsOrExternalUsers != null,
        },
        builtInControls: strings(grant.builtInControls),
        authenticationStrengthId: str(strength.id),
      };
    })
    .filter((p) => p.userActions.some((a) => a.toLowerCase() === REGISTER_SECURITY_INFO));
}

export function parseAuthenticationStrengths(body: unknown): AuthenticationStrength[] {
  return values(body).map((s) => ({
    id: str(s.id) ?? '',
    displayName: str(s.displayName) ?? 'Unnamed strength',
    allowedCombinations: strings(s.allowedCombinations),
  }));
}

/** The strengths registration policies carry inline in their grant controls (only those that came with their combinations). */
export function parseInlineStrengths(body: unknown): AuthenticationStrength[] {
  const inline = values(body)
    .filter((p) => strings(obj(obj(p.conditions).applications).includeUserActions).some((a) => a.toLowerCase() === REGISTER_SECURITY_INFO))
    .map((p) => obj(obj(p.grantControls).authenticationStrength))
    .filter((s) => str(s.id));
  return parseAuthenticationStrengths({ value: inline });
}
