/** The sweep's document (docs/contracts.md §10) and the small per-member records it keeps. */
import type { AuditEvent, AuthMethod, Fact, FactGap, SignIn, TenantFacts } from '../../model/facts';
import type { LayerNumber } from '../../model/verdictTypes';

export type SweepOutcome = 'has-passkey' | 'ready' | 'blocked' | 'unknown';
export const SWEEP_OUTCOMES: readonly SweepOutcome[] = ['has-passkey', 'ready', 'blocked', 'unknown'];

/** A user member as the paged member list gives it: the only per-member state kept while the sweep reads. */
export interface SweepMember {
  /** Lower-case object id. */
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  userType: string | null;
  accountEnabled: boolean | null;
}

export interface SweepUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  outcome: SweepOutcome;
  rootCause: { layer: LayerNumber; code: string } | null;
  hasPasskey: boolean;
  /** Why the outcome is `unknown`: the fact that could not be read. */
  reason?: string;
}

export interface SweepCause {
  code: string;
  layer: LayerNumber;
  count: number;
}

export interface SweepDocument {
  schemaVersion: 1;
  kind: 'sweep';
  group: { id: string; displayName: string; members: number };
  summary: Record<SweepOutcome, number>;
  byCause: SweepCause[];
  users: SweepUser[];
  /** One line per fact no member could get (a 403 on the report, …): said once, not per member. */
  notes: string[];
  /** `memberReads`: requests for one member's own methods (a pass, or a passkey under restrictive profiles); the rest are bulk reads. */
  graph: { requests: number; roundTrips: number; reportsRequests: number; memberReads: number; ms: number };
  generatedAt: string;
}

/** Everything one member is judged on. */
export interface MemberFacts {
  member: SweepMember;
  methods: Fact<AuthMethod[]>;
  /** The checked groups (the policies' target groups) the member is in, transitively. */
  memberOfCheckedGroups: Fact<string[]>;
  /** From the tenant's shared log window, as `diagnose` reads them: a failed registration names the authenticator a person means to use. */
  logs: MemberLogs;
}

export interface MemberLogs {
  signIns: Fact<SignIn[]>;
  audits: Fact<AuditEvent[]>;
}

/** Shared by every member of one sweep. */
export interface SweepTenant {
  facts: TenantFacts;
  checkedGroupIds: string[];
  /** ISO time of the reads. */
  now: string;
  /** Lower-case AAGUID the rollout means to use (`--authenticator`), or none: any authenticator. */
  authenticator?: string;
}

/** What the registration report says of one user: methods by kind, passkeys without AAGUID, a pass without its validity. */
export interface ReportedMethods {
  /** Lower-case object id. */
  id: string;
  methods: AuthMethod[];
  hasPasskey: boolean;
  hasTap: boolean;
}

export interface SweepProgress {
  phase: 'members' | 'membership' | 'report' | 'own-reads' | 'done';
  /** User members read so far (the whole group once the member pages are read). */
  membersRead: number;
  /** Members judged so far. */
  judged: number;
  /** Pages read so far, all lists together. */
  pagesRead: number;
  /** Report pages still to read, estimated from the members not yet found in it (at least one while reading). */
  pagesLeft: number;
  /** How long the next reports read waits for the quota, ms. */
  quotaWaitMs: number;
}

export type GroupMembers = Map<string, ReadonlySet<string> | 'all'>;

export interface SweepGroup {
  id: string;
  displayName: string;
}

/** The reads a sweep needs; src/graph implements them with paged bulk reads. */
export interface SweepReads {
  /** The group by id or display name; PasskeyDoctorError BAD_GROUP when there is none or more than one. */
  group(key: string): Promise<SweepGroup>;
  tenant(): Promise<{ facts: TenantFacts; checkedGroupIds: string[] }>;
  /** Every transitive user member; other members (devices, groups, service principals) are skipped. */
  members(groupId: string, onPage: (membersRead: number) => void, signal?: AbortSignal): Promise<Map<string, SweepMember>>;
  /**
   * For each group id: which of `members` are in it (transitively; `all`
   * when the swept group is inside it), or why that could not be read.
   */
  membership(
    groupIds: string[],
    sweptGroupId: string,
    members: ReadonlyMap<string, SweepMember>,
    signal?: AbortSignal,
  ): Promise<Fact<GroupMembers>>;
  /** Streams the registration report, page by page; resolves with the gap if it could not be read to the end. */
  registration(onPage: (rows: ReportedMethods[]) => void, signal?: AbortSignal): Promise<FactGap | null>;
  /** The shared log window, refreshed once for the sweep (background priority); per member, its sign-ins and audit events. */
  logs(): Promise<(member: SweepMember) => MemberLogs>;
  /** The members' own methods, for the facts the report does not carry (20 to a $batch). */
  ownMethods(ids: string[]): Promise<Map<string, Fact<AuthMethod[]>>>;
  quotaWaitMs(): number;
  usage(): SweepDocument['graph'];
}
