/**
 * The people Passkey Doctor deals with and the roles it checks, one name each
 * for the bot, the workflows and the audit trail.
 */

/** Someone who typed or clicked: the Entra object id (Teams' `from.aadObjectId`) and a display name. */
export interface Person {
  id: string;
  name: string;
}

/** Operators (OPERATORS_GROUP_ID) use the bot; approvers (TAP_APPROVERS_GROUP_ID) approve passes and removals. */
export type Role = 'operator' | 'approver';
