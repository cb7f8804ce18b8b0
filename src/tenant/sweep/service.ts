/**
 * Runs one sweep: bulk reads in, one judgement per member out, streamed.
 * Members wait in one map until the registration report names them; each is
 * judged as its row arrives and only its small result is kept.
 */
import { known, missing, type Fact, type FactGap, type TenantFacts } from '../../model/facts';
import { PasskeyDoctorError } from '../../errors/catalog';
import { judgeMember } from './judgeMember';
import { needsOwnRead, profilesRestrictFor } from './ownReads';
import { byUpn, SweepTally } from './summary';
import type {
  GroupMembers,
  MemberFacts,
  ReportedMethods,
  SweepDocument,
  SweepGroup,
  SweepMember,
  SweepProgress,
  SweepReads,
  SweepTenant,
  SweepUser,
} from './types';

export interface SweepOptions {
  /** Lower-case AAGUID (`--authenticator`). */
  authenticator?: string;
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
}

/** Own reads sent together: ten $batch envelopes of 20. */
const OWN_READS_AT_ONCE = 200;
/** The report's page size (docs/graph-facts.md §12: not documented; the sandbox and observed Graph give 1,000). */
const REPORT_PAGE_ESTIMATE = 1000;

const NOT_IN_REPORT: FactGap = {
  code: 'GRAPH.UNAVAILABLE',
  reason: 'the member is not in the registration report yet (it lags behind the directory by up to a few hours).',
  request: 'GET /reports/authenticationMethods/userRegistrationDetails',
};

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new PasskeyDoctorError('CANCELLED', 'sweep');
}

function membershipOf(member: SweepMember, sets: Fact<GroupMembers>): Fact<string[]> {
  if (!sets.ok) return missing(sets.failure);
  const groups: string[] = [];
  for (const [groupId, ids] of sets.value) if (ids === 'all' || ids.has(member.id)) groups.push(groupId);
  return known(groups);
}

/** Without cached names, the target groups that exist are those whose members were read (a deleted one answered 404). */
function withExistingGroups(facts: TenantFacts, sets: Fact<GroupMembers>): TenantFacts {
  if (facts.targetGroups.ok || !sets.ok) return facts;
  return { ...facts, targetGroups: known(Object.fromEntries([...sets.value.keys()].map((id) => [id, { id, displayName: id }]))) };
}

const reportNote = (gap: FactGap): string =>
  `The registration report could not be read (${gap.reason.replace(/\.$/, '')}), so every member's MFA bootstrap is unknown.`;

export class SweepService {
  constructor(
    private readonly reads: () => SweepReads,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The group by id or display name (PasskeyDoctorError BAD_GROUP when there is none, or several). */
  resolve(groupKey: string): Promise<SweepGroup> {
    return this.reads().group(groupKey);
  }

  /** `group`: an id or display name, or a group `resolve` found. */
  async run(group: string | SweepGroup, options: SweepOptions = {}): Promise<SweepDocument> {
    const reads = this.reads();
    const { signal } = options;
    const progress: SweepProgress = { phase: 'members', membersRead: 0, judged: 0, pagesRead: 0, pagesLeft: 1, quotaWaitMs: 0 };
    const report = (changes: Partial<SweepProgress>) => {
      Object.assign(progress, changes, { quotaWaitMs: reads.quotaWaitMs() });
      options.onProgress?.({ ...progress });
    };
    const { id, displayName } = typeof group === 'string' ? await reads.group(group) : group;
    const tenant = await reads.tenant();
    const members = await reads.members(id, (membersRead) => report({ membersRead, pagesRead: progress.pagesRead + 1 }), signal);
    const total = members.size;
    report({ phase: 'membership', membersRead: total });
    checkCancelled(signal);
    const sets = await reads.membership(tenant.checkedGroupIds, id, members, signal);
    const logsOf = await reads.logs();
    const sweepTenant: SweepTenant = {
      facts: withExistingGroups(tenant.facts, sets),
      checkedGroupIds: tenant.checkedGroupIds,
      now: this.clock().toISOString(),
      ...(options.authenticator ? { authenticator: options.authenticator } : {}),
    };
    const tally = new SweepTally();
    const users: SweepUser[] = [];
    const judge = (member: SweepMember, methods: MemberFacts['methods']) => {
      const user = judgeMember(sweepTenant, { member, methods, memberOfCheckedGroups: membershipOf(member, sets), logs: logsOf(member) });
      tally.add(user);
      users.push(user);
    };
    // Members leave the map as they are judged: per-member state shrinks while the report streams in.
    const waiting = members;
    const ownReads = new Map<string, SweepMember>();
    report({ phase: 'report', pagesLeft: Math.max(1, Math.ceil(total / REPORT_PAGE_ESTIMATE)) });
    const reportGap = await reads.registration((rows: ReportedMethods[]) => {
      for (const row of rows) {
        const member = waiting.get(row.id);
        if (!member) continue;
        waiting.delete(row.id);
        const restrictive = () => profilesRestrictFor(tenant.facts.authenticationMethodsPolicy, member.id, membershipOf(member, sets));
        if (needsOwnRead(row, restrictive)) ownReads.set(row.id, member);
        else judge(member, known(row.methods));
      }
      // Rows of non-members count too: the estimate is a floor, not a promise.
      const pagesLeft = Math.max(waiting.size ? 1 : 0, Math.ceil(waiting.size / REPORT_PAGE_ESTIMATE));
      report({ judged: tally.total, pagesRead: progress.pagesRead + 1, pagesLeft });
      checkCancelled(signal);
    }, signal);
    checkCancelled(signal);
    report({ phase: 'own-reads', pagesLeft: 0 });
    const ownReadIds = [...ownReads.keys()];
    for (let i = 0; i < ownReadIds.length; i += OWN_READS_AT_ONCE) {
      const ids = ownReadIds.slice(i, i + OWN_READS_AT_ONCE);
      const methods = await reads.ownMethods(ids);
      for (const id of ids) judge(ownReads.get(id)!, methods.get(id) ?? missing(NOT_IN_REPORT));
      report({ judged: tally.total });
      checkCancelled(signal);
    }
    const missingGap = reportGap ?? NOT_IN_REPORT;
    for (const member of waiting.values()) judge(member, missing(missingGap));
    report({ phase: 'done', judged: tally.total });
    return {
      schemaVersion: 1,
      kind: 'sweep',
      group: { id, displayName, members: total },
      summary: tally.summary,
      byCause: tally.byCause(),
      users: users.sort(byUpn),
      notes: reportGap ? [reportNote(reportGap)] : [],
      graph: reads.usage(),
      generatedAt: this.clock().toISOString(),
    };
  }
}
