/**
 * The facts model: everything the diagnosis knows about a tenant and a user.
 *
 * `src/graph` builds it from Microsoft Graph; `src/diagnosis` reads it and
 * nothing else. Graph wire types stop at this boundary: names here are ours,
 * values are already normalised (lower-case AAGUIDs, parsed passkey types,
 * ISO timestamps).
 */
import type { Result } from './result';

/** Why a fact could not be gathered. Becomes an `unknown` finding. */
export interface FactGap {
  code: 'GRAPH.PERMISSION_MISSING' | 'GRAPH.LICENCE_MISSING' | 'GRAPH.THROTTLED' | 'GRAPH.UNAVAILABLE';
  /** One sentence for a person. */
  reason: string;
  /** The Graph application permission that would make the call succeed, when known. */
  permission?: string;
  /** The Graph request that failed, e.g. `GET /auditLogs/signIns`. */
  request: string;
}

/** A fact that was either gathered or could not be, with the reason. */
export type Fact<T> = Result<T, FactGap>;

export const known = <T>(value: T): Fact<T> => ({ ok: true, value });
export const missing = <T>(gap: FactGap): Fact<T> => ({ ok: false, failure: gap });

export type PasskeyType = 'deviceBound' | 'synced';

export interface KeyRestrictions {
  isEnforced: boolean;
  enforcementType: 'allow' | 'block';
  /** Lower-case AAGUIDs. */
  aaGuids: string[];
}

export interface PasskeyProfile {
  id: string;
  name: string;
  passkeyTypes: PasskeyType[];
  attestationEnforcement: 'disabled' | 'registrationOnly';
  keyRestrictions: KeyRestrictions;
}

export interface PolicyTarget {
  /** A group id, a user id, or the pseudo-id `all_users`. */
  id: string;
  targetType: 'user' | 'group';
  /** Passkey profile ids (Fido2 include targets only). */
  allowedPasskeyProfiles?: string[];
}

/** One authentication method configuration of the methods policy (Sms, MicrosoftAuthenticator, …). */
export interface MethodConfiguration {
  id: string;
  state: 'enabled' | 'disabled';
  includeTargets: PolicyTarget[];
  excludeTargets: PolicyTarget[];
}

export interface Fido2Configuration extends MethodConfiguration {
  isSelfServiceRegistrationAllowed: boolean;
  isAttestationEnforced: boolean;
  keyRestrictions: KeyRestrictions;
  defaultPasskeyProfile: string | null;
  /** Empty for tenants that have not moved to passkey profiles. */
  passkeyProfiles: PasskeyProfile[];
}

export interface TapConfiguration extends MethodConfiguration {
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLength: number;
  isUsableOnce: boolean;
}

export interface AuthenticationMethodsPolicy {
  policyMigrationState: 'preMigration' | 'migrationInProgress' | 'migrationComplete' | string;
  /** Null when the tenant's policy has no Fido2 configuration at all. */
  fido2: Fido2Configuration | null;
  temporaryAccessPass: TapConfiguration | null;
  /** Every method configuration, Fido2 and TemporaryAccessPass included. */
  methodConfigurations: MethodConfiguration[];
  /** The registration campaign ("nudge"); absent when the policy does not carry one. */
  registrationCampaign?: RegistrationCampaign;
}

/** `registrationEnforcement.authenticationMethodsRegistrationCampaign` (docs/graph-facts.md §1). */
export interface RegistrationCampaign {
  /** `default` behaves as Microsoft-managed. */
  state: 'default' | 'enabled' | 'disabled' | string;
  includeTargets: Array<PolicyTarget & { targetedAuthenticationMethod: string }>;
  excludeTargets: PolicyTarget[];
}

/** A Conditional Access policy reduced to what the registration gate needs. */
export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced' | string;
  userActions: string[];
  users: {
    includeUsers: string[];
    excludeUsers: string[];
    includeGroups: string[];
    excludeGroups: string[];
    includeRoles: string[];
    excludeRoles: string[];
    /** e.g. `internalGuest,b2bCollaborationGuest` when guests are included or excluded by kind. */
    includeGuestsOrExternalUsers: boolean;
    excludeGuestsOrExternalUsers: boolean;
  };
  builtInControls: string[];
  /** Id of the authentication strength required by the grant controls, if any. */
  authenticationStrengthId: string | null;
}

export interface AuthenticationStrength {
  id: string;
  displayName: string;
  /** e.g. `fido2`, `windowsHelloForBusiness`, `password,microsoftAuthenticatorPush`, `temporaryAccessPassOneTime`. */
  allowedCombinations: string[];
}

export interface TenantFacts {
  /** Tenant id when known (informational). */
  tenantId?: string;
  authenticationMethodsPolicy: Fact<AuthenticationMethodsPolicy>;
  securityDefaults: Fact<{ isEnabled: boolean }>;
  /**
   * Names of the groups the policies target, by id. A target id absent from
   * the map no longer exists in the directory.
   */
  targetGroups: Fact<Record<string, { id: string; displayName: string }>>;
  /**
   * For each group the passkey policy excludes: the groups nested in it at any
   * depth, so an exclusion "through a nested group" can name that group.
   */
  exclusionNestedGroups?: Fact<Record<string, Array<{ id: string; displayName: string }>>>;
  /** Enabled CA policies with the "Register security info" user action. Absent until layer 3's CA check is gathered. */
  registrationConditionalAccess?: Fact<ConditionalAccessPolicy[]>;
  /** Enabled or report-only CA policies on all resources (`includeApplications: All`); read for the policy check. */
  allResourcesConditionalAccess?: Fact<ConditionalAccessPolicy[]>;
  authenticationStrengths?: Fact<AuthenticationStrength[]>;
}

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  userType: 'Member' | 'Guest' | string | null;
  accountEnabled: boolean | null;
  mail?: string | null;
}

/** A registered authentication method, normalised. */
export type AuthMethod =
  | {
      kind: 'fido2';
      id: string;
      displayName: string | null;
      /** Lower-case. */
      aaGuid: string | null;
      model: string | null;
      passkeyType: PasskeyType | null;
      attestationLevel: 'attested' | 'notAttested' | null;
      createdDateTime: string | null;
    }
  | {
      kind: 'temporaryAccessPass';
      id: string;
      isUsable: boolean | null;
      /** `EnabledByPolicy`, `DisabledByPolicy`, `Expired`, `NotYetValid`, `OneTimeUsed`. */
      methodUsabilityReason: string | null;
      startDateTime: string | null;
      lifetimeInMinutes: number | null;
      isUsableOnce: boolean | null;
      createdDateTime: string | null;
    }
  | {
      /**
       * Everything else, by the Graph type name without prefix and suffix:
       * `password`, `phone`, `email`, `microsoftAuthenticator`, `softwareOath`,
       * `hardwareOath`, `windowsHelloForBusiness`, `platformCredential`,
       * `external`, `qrCodePin`, `passwordlessMicrosoftAuthenticator`.
       */
      kind: string;
      id: string;
      displayName: string | null;
      /** Only for `external`: the id of its method configuration. */
      configurationId?: string | null;
      /** Only for `platformCredential`. */
      platform?: string | null;
      createdDateTime?: string | null;
    };

/** The two kinds the rules and the actions single out. */
export type Fido2Method = Extract<AuthMethod, { kind: 'fido2' }>;
export type TapMethod = Extract<AuthMethod, { kind: 'temporaryAccessPass' }>;

export interface AuthenticationStep {
  method: string;
  detail: string | null;
  requirement: string | null;
  succeeded: boolean;
  time: string | null;
}

export interface SignIn {
  id: string;
  createdDateTime: string;
  appId: string | null;
  appDisplayName: string | null;
  isInteractive: boolean | null;
  errorCode: number;
  failureReason: string | null;
  operatingSystem: string | null;
  browser: string | null;
  userAgent: string | null;
  authenticationRequirement: string | null;
  authenticationDetails: AuthenticationStep[];
  /** Conditional Access policies evaluated for the sign-in (`result`: `success`, `failure`, `notApplied`, …); absent when not read. */
  appliedConditionalAccessPolicies?: Array<{ id: string; displayName: string | null; result: string | null }>;
}

export interface AuditEvent {
  id: string;
  activityDateTime: string;
  activityDisplayName: string;
  loggedByService: string | null;
  result: 'success' | 'failure' | 'timeout' | string;
  resultReason: string | null;
  /** Lower-case AAGUID found in the event's details, if any. */
  aaGuid: string | null;
  initiatedByUpn: string | null;
}

export interface UserFacts {
  /** The UPN as typed (trimmed). */
  subject: string;
  /** When the facts were gathered (ISO 8601). The diagnosis never reads the clock. */
  now: string;
  /** `null` value: the user does not exist. */
  user: Fact<DirectoryUser | null>;
  /** Group ids that were checked with checkMemberGroups (every group the relevant targets name). */
  checkedGroupIds: string[];
  /** The subset of `checkedGroupIds` the user is a transitive member of. */
  memberOfCheckedGroups: Fact<string[]>;
  /** Direct group memberships (ids), to tell nested from direct scope. */
  directGroupIds: Fact<string[]>;
  /** Directory role template ids the user holds (for CA role targets and TAP safety). Absent until gathered. */
  directoryRoleIds?: Fact<string[]>;
  methods: Fact<AuthMethod[]>;
  /** Interactive sign-ins in the look-back window, newest first. */
  signIns: Fact<SignIn[]>;
  /** Authentication Methods audit events in the look-back window, newest first. */
  audits: Fact<AuditEvent[]>;
}

export type OperatingSystem = 'windows' | 'macos' | 'ios' | 'ipados' | 'android' | 'linux' | 'chromeos';
export type Browser = 'edge' | 'chrome' | 'firefox' | 'safari' | 'other';
export type RegistrationPath = 'same-device' | 'cross-device' | 'security-key' | 'authenticator-app' | 'windows-hello';

/** What a technician asks about: a validated UPN and optional device details (src/input parses it). */
export interface DiagnoseRequest {
  upn: string;
  device?: DeviceInput;
}

/** Device details given by the technician (CLI options or the card form). */
export interface DeviceInput {
  os?: OperatingSystem;
  osVersion?: string;
  browser?: Browser;
  path?: RegistrationPath;
  /** Lower-case AAGUID of the intended authenticator. */
  authenticator?: string;
  /** The name of the Windows device the user registers on, to tie a Windows Hello for Business credential to it. */
  deviceName?: string;
}

/** Settings the diagnosis needs that are not facts about the tenant. */
export interface DiagnosisSettings {
  mfaFreshnessMinutes: number;
  signInLookbackDays: number;
}
