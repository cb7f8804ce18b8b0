/**
 * Who may act: operators (OPERATORS_GROUP_ID) and approvers
 * (TAP_APPROVERS_GROUP_ID), checked against Entra at every click — card
 * data and earlier answers are never trusted, so removing someone from the
 * group takes effect on their next click.
 */
import { isPasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import type { Person, Role } from '../model/people';
import type { GroupMembership } from './ports';
import { refuse, type Refusal } from './refusals';

export type { Person, Role } from '../model/people';

export interface RoleGroups {
  operators: string | undefined;
  approvers: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the Entra object `userId` is (transitively) in `groupId`, asked of
 * Graph. Fails closed: an id that is not a GUID is refused without asking;
 * a Graph error propagates for the caller to refuse on.
 */
async function holdsGroup(directory: GroupMembership, userId: string | undefined, groupId: string): Promise<boolean> {
  if (!userId || !GUID.test(userId)) return false;
  const groups = await directory.memberGroups(userId, [groupId]);
  return [...groups].some((id) => id.toLowerCase() === groupId.toLowerCase());
}

export class AccessCheck {
  constructor(
    private readonly directory: GroupMembership,
    readonly groups: RoleGroups,
  ) {}

  /** Null when `person` holds `role` right now; otherwise why not. */
  async require(person: Person, role: Role): Promise<Refusal | null> {
    const groupId = role === 'operator' ? this.groups.operators : this.groups.approvers;
    if (!groupId) {
      const variable = role === 'operator' ? 'OPERATORS_GROUP_ID' : 'TAP_APPROVERS_GROUP_ID';
      return refuse('AUTH.NOT_CONFIGURED', { variable });
    }
    let holds: boolean;
    try {
      holds = await holdsGroup(this.directory, person.id, groupId);
    } catch (error) {
      logger.warn('membership check failed', { role, error });
      // Say what Graph said (a missing permission names itself); anything else gets the general sentence.
      const known = isPasskeyDoctorError(error);
      return known ? { ...refuse('AUTH.CHECK_FAILED', { reason: error.message }, { variant: 'reason' }), error: error.code } : refuse('AUTH.CHECK_FAILED');
    }
    return holds ? null : this.notHolding(role);
  }

  /**
   * Which of Passkey Doctor's own roles `userId` holds, asked of Graph in one
   * call. For the pre-checks on a pass's target: a Graph error propagates.
   */
  async rolesOf(userId: string): Promise<Role[]> {
    const wanted = (['operator', 'approver'] as const).flatMap((role) => {
      const groupId = role === 'operator' ? this.groups.operators : this.groups.approvers;
      return groupId ? [{ role, groupId: groupId.toLowerCase() }] : [];
    });
    if (wanted.length === 0 || !GUID.test(userId)) return [];
    const held = new Set([...(await this.directory.memberGroups(userId, wanted.map((w) => w.groupId)))].map((id) => id.toLowerCase()));
    return wanted.filter((w) => held.has(w.groupId)).map((w) => w.role);
  }

  private notHolding(role: Role): Refusal {
    return role === 'operator' ? refuse('AUTH.NOT_OPERATOR') : refuse('AUTH.NOT_APPROVER');
  }
}
