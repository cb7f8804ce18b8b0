/**
 * Sign-ins and directory audits as Graph returns them, built from the
 * shorter fixture entries: the user's fields, Graph's boilerplate and stable
 * ids are filled in; what the fixture wrote wins.
 */
import type { FixtureSignIn, FixtureUser, SandboxFixture } from './fixture';
import { isObject, objectOrEmpty, type JsonObject } from './json';
import { stableGuid } from './stableGuid';

const DEVICE_DEFAULTS: JsonObject = {
  deviceId: '',
  displayName: '',
  operatingSystem: '',
  browser: '',
  isCompliant: false,
  isManaged: false,
  trustType: '',
};

const LOCATION_DEFAULTS: JsonObject = { city: '', state: '', countryOrRegion: '', geoCoordinates: {} };

const STATUS_DEFAULTS: JsonObject = { errorCode: 0, failureReason: null, additionalDetails: null };

/** A sign-in as Graph beta returns it: the user's fields, Graph's defaults, then what the fixture wrote. */
export function signInObject(user: FixtureUser, signIn: FixtureSignIn, index: number, tenantId: string): JsonObject {
  const isGuest = user.userType === 'Guest';
  // Sign-in logs carry a lower-case UPN, and a guest's home UPN rather than the #EXT# one.
  const loggedUpn = (isGuest && user.mail ? user.mail : user.userPrincipalName).toLowerCase();
  const seed = `${user.id}/signIn/${index}`;
  const fromFixture = signIn as JsonObject;
  return {
    id: stableGuid(seed),
    createdDateTime: signIn.createdDateTime,
    userDisplayName: user.displayName,
    userPrincipalName: loggedUpn,
    userId: user.id,
    appId: signIn.appId,
    appDisplayName: signIn.appDisplayName,
    ipAddress: '',
    clientAppUsed: 'Browser',
    userAgent: '',
    correlationId: stableGuid(`${seed}/correlation`),
    conditionalAccessStatus: 'notApplied',
    originalRequestId: stableGuid(`${seed}/request`),
    isInteractive: true,
    tokenIssuerName: '',
    tokenIssuerType: 'AzureAD',
    processingTimeInMilliseconds: 120,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes: [],
    riskEventTypes_v2: [],
    resourceDisplayName: 'Microsoft Graph',
    resourceId: '00000003-0000-0000-c000-000000000000',
    resourceTenantId: tenantId,
    homeTenantId: tenantId,
    authenticationMethodsUsed: [],
    authenticationRequirement: 'singleFactorAuthentication',
    authenticationRequirementPolicies: [],
    authenticationProcessingDetails: [],
    networkLocationDetails: [],
    sessionLifetimePolicies: [],
    signInIdentifier: loggedUpn,
    signInEventTypes: ['interactiveUser'],
    userType: isGuest ? 'guest' : 'member',
    crossTenantAccessType: isGuest ? 'b2bCollaboration' : 'none',
    authenticationProtocol: 'none',
    incomingTokenType: 'none',
    flaggedForReview: false,
    isTenantRestricted: false,
    appliedConditionalAccessPolicies: [],
    authenticationDetails: [],
    ...fromFixture,
    status: { ...STATUS_DEFAULTS, ...objectOrEmpty(fromFixture['status']) },
    deviceDetail: { ...DEVICE_DEFAULTS, ...objectOrEmpty(fromFixture['deviceDetail']) },
    location: { ...LOCATION_DEFAULTS, ...objectOrEmpty(fromFixture['location']) },
  };
}

/** Fills a user reference that names only a UPN with the user's id and display name. */
function completeUserReference(reference: unknown, usersByUpn: Map<string, FixtureUser>): unknown {
  if (!isObject(reference) || typeof reference['userPrincipalName'] !== 'string') return reference;
  const user = usersByUpn.get(reference['userPrincipalName'].toLowerCase());
  if (!user) return reference;
  return { id: user.id, displayName: user.displayName, ...reference };
}

export function auditObject(
  audit: SandboxFixture['directoryAudits'][number],
  index: number,
  usersByUpn: Map<string, FixtureUser>,
): JsonObject {
  const fromFixture = audit as JsonObject;
  const seed = `audit/${index}`;
  const initiatedBy = objectOrEmpty(fromFixture['initiatedBy']);
  const user = completeUserReference(initiatedBy['user'], usersByUpn);
  const targets = Array.isArray(fromFixture['targetResources']) ? fromFixture['targetResources'] : [];
  return {
    id: `Directory_${stableGuid(seed)}`,
    category: 'UserManagement',
    correlationId: stableGuid(`${seed}/correlation`),
    resultReason: '',
    operationType: 'Add',
    additionalDetails: [],
    ...fromFixture,
    initiatedBy: {
      app: null,
      ...initiatedBy,
      user: isObject(user) ? { ipAddress: null, ...user } : null,
    },
    targetResources: targets.map((target) => ({
      groupType: null,
      modifiedProperties: [],
      ...(completeUserReference(target, usersByUpn) as JsonObject),
    })),
  };
}
