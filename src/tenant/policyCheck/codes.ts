/**
 * The policy-check code catalogue (docs/contracts.md §8): severity, Maester cross
 * reference, admin-center blade and the Microsoft page each code rests on,
 * all kept as data in data/policy-check-codes.json.
 */
import data from './data/policy-check-codes.json';

export type PolicySeverity = 'fail' | 'warn' | 'info' | 'unknown';

export type PolicyCode = keyof typeof data.codes;

/** Where in the Microsoft Entra admin center the fix is made. */
export const BLADES = {
  passkeyMethod: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods',
  tapMethod: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods',
  registrationCampaign: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/RegistrationCampaign',
  conditionalAccess: 'https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies',
  securityDefaults: 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/TenantPropertiesBlade',
  appPermissions: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
} as const;

export type Blade = keyof typeof BLADES;

export interface PolicyCodeSpec {
  severity: PolicySeverity;
  blade: Blade;
  /** The Maester (EIDSCA or MT) check covering the same setting. */
  maester?: string;
  url: string;
  quote: string;
  /** False: no Microsoft page states the rule, so it warns at most. */
  microsoft: boolean;
  paraphrase?: boolean;
  note?: string;
}

export const POLICY_CODES = data.codes as Record<PolicyCode, PolicyCodeSpec>;

export const policyCodeIds = (): PolicyCode[] => Object.keys(POLICY_CODES) as PolicyCode[];
