/**
 * The least-privileged Graph application permission behind each request the
 * gateway sends, so that a 403 finding can name what to grant (docs/graph-facts.md §0).
 */
export const PERMISSIONS = {
  policy: 'Policy.Read.All',
  securityDefaults: 'Policy.Read.All',
  caPolicies: 'Policy.Read.All',
  authStrengths: 'Policy.Read.All',
  user: 'User.Read.All',
  methods: 'UserAuthenticationMethod.Read.All',
  memberOf: 'User.Read.All',
  groups: 'GroupMember.Read.All',
  signIns: 'AuditLog.Read.All',
  audits: 'AuditLog.Read.All',
  groupNames: 'Directory.Read.All',
  createTap: 'UserAuthMethod-TAP.ReadWrite.All',
  deletePasskey: 'UserAuthMethod-Passkey.ReadWrite.All',
  revokeSessions: 'User.RevokeSessions.All',
  roleEligibility: 'RoleEligibilitySchedule.Read.Directory',
  group: 'GroupMember.Read.All',
  members: 'GroupMember.Read.All',
  registrationDetails: 'AuditLog.Read.All',
} as const;

export type RequestKind = keyof typeof PERMISSIONS;

/** Request ids like `groups-2` share the permission of their kind. */
export const permissionFor = (requestId: string): string | undefined =>
  PERMISSIONS[requestId.replace(/-\d+$/, '') as RequestKind];
