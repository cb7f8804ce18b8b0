/** CA policies and authentication strengths → facts, reduced to the registration gate. */
import type { AuthenticationStrength, ConditionalAccessPolicy } from '../../model/facts';
import { obj, str, strings, values } from './values';

export const REGISTER_SECURITY_INFO = 'urn:user:registersecurityinfo';

type ParsedPolicy = ConditionalAccessPolicy & { applications: string[] };

const withoutApplications = ({ applications: _applications, ...policy }: ParsedPolicy): ConditionalAccessPolicy => policy;

export const parseConditionalAccessPolicies = (body: unknown): ConditionalAccessPolicy[] =>
  parsePolicies(body)
    .filter((p) => p.userActions.some((a) => a.toLowerCase() === REGISTER_SECURITY_INFO))
    .map(withoutApplications);

/** Policies on all resources (`includeApplications: All`), for the policy check's phishing-resistant trap. */
export const parseAllResourcesPolicies = (body: unknown): ConditionalAccessPolicy[] =>
  parsePolicies(body)
    .filter((p) => p.applications.some((a) => a.toLowerCase() === 'all'))
    .map(withoutApplications);

function parsePolicies(body: unknown): ParsedPolicy[] {
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
        applications: strings(obj(conditions.applications).includeApplications),
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
    });
}

export function parseAuthenticationStrengths(body: unknown): AuthenticationStrength[] {
  return values(body).map((s) => ({
    id: str(s.id) ?? '',
    displayName: str(s.displayName) ?? 'Unnamed strength',
    allowedCombinations: strings(s.allowedCombinations),
  }));
}

/**
 * The strengths carried inline in the grant controls of the policies the
 * snapshot keeps (on "Register security info", or on all resources), only
 * those that came with their combinations.
 */
export function parseInlineStrengths(body: unknown): AuthenticationStrength[] {
  const kept = new Set([...parseConditionalAccessPolicies(body), ...parseAllResourcesPolicies(body)].map((p) => p.id));
  const inline = values(body)
    .filter((p) => kept.has(str(p.id) ?? ''))
    .map((p) => obj(obj(p.grantControls).authenticationStrength))
    .filter((s) => str(s.id));
  return parseAuthenticationStrengths({ value: inline });
}
