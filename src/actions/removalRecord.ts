/**
 * A passkey-removal request as stored: one type per state, each with what
 * that state guarantees, and the table of moves between them. Cards word it
 * (src/cards/workflowSummaries.ts).
 *
 *   requested ──approve──► approved ──► removed
 *       │                     └──Graph failed──► failed ──approve──► approved
 *       ├──deny──► denied
 *       └──time──► expired   (from requested or failed)
 *
 * `approved` is the claim: of two clicks that read the same version, the
 * store lets one move the request there, so a passkey is deleted once.
 */
import { z } from 'zod';
import {
  APPROVAL_SHAPE,
  CLAIM_SHAPE,
  DENIAL_SHAPE,
  EARLIER_SHAPE,
  FAILURE_SHAPE,
  requestShape,
  stateMachine,
  statesWith,
  timeText,
  type Approval,
  type ApprovalRequest,
  type Denial,
  type Earlier,
  type FailureNote,
  type HeldClaim,
} from './approvalRequest';

const REMOVAL_STATES = ['requested', 'approved', 'removed', 'denied', 'failed', 'expired'] as const;
export type RemovalState = (typeof REMOVAL_STATES)[number];

/** A passkey as the operator picks it: names a person can read, and the id Graph needs. */
export interface PasskeyChoice {
  id: string;
  displayName: string | null;
  authenticatorName: string;
  aaGuid: string | null;
  passkeyType: 'deviceBound' | 'synced' | null;
  createdDateTime: string | null;
}

/** The passkey as the audit trail and the cards name it: its name, and when it was added. */
export const passkeyName = (passkey: PasskeyChoice): string =>
  `${passkey.displayName ?? passkey.authenticatorName}${passkey.createdDateTime ? ` (added ${timeText(passkey.createdDateTime)})` : ''}`;

export interface RemovalOutcome {
  /** Graph no longer had it: someone removed it first. */
  alreadyGone: boolean;
  sessionsRevoked: boolean;
  /** Why revoking failed, when it was asked for and did. */
  revokeFailure?: string;
}

interface RemovalCore extends ApprovalRequest<'passkey-removal', RemovalState> {
  passkey: PasskeyChoice;
  /** The operator asked to sign the user out everywhere after the removal. */
  revokeSessions: boolean;
}

export interface RemovalRequested extends RemovalCore {
  state: 'requested';
}
export interface RemovalApproved extends RemovalCore, Approval, HeldClaim {
  state: 'approved';
}
export interface RemovalDone extends RemovalCore, Approval {
  state: 'removed';
  removed: RemovalOutcome;
}
export interface RemovalFailed extends RemovalCore, Approval, FailureNote {
  state: 'failed';
}
export interface RemovalDenied extends RemovalCore, Denial, Earlier {
  state: 'denied';
}
export interface RemovalExpired extends RemovalCore, Earlier {
  state: 'expired';
}

export type RemovalRecord = RemovalRequested | RemovalApproved | RemovalDone | RemovalFailed | RemovalDenied | RemovalExpired;

/** Where each event leads; the table below must agree. `approved` → `approved` takes over an orphaned claim. */
type RemovalTargets = {
  claim: 'approved';
  removed: 'removed';
  failed: 'failed';
  deny: 'denied';
  expire: 'expired';
};
export type RemovalEvent = keyof RemovalTargets;

/** Every move a removal request can make; `advance` writes no other. */
export const REMOVAL = stateMachine<RemovalRecord, RemovalTargets>([
  { from: 'requested', event: 'claim', to: 'approved' },
  { from: 'failed', event: 'claim', to: 'approved' },
  { from: 'approved', event: 'claim', to: 'approved' },
  { from: 'approved', event: 'removed', to: 'removed' },
  { from: 'approved', event: 'failed', to: 'failed' },
  { from: 'requested', event: 'deny', to: 'denied' },
  { from: 'failed', event: 'deny', to: 'denied' },
  { from: 'requested', event: 'expire', to: 'expired' },
  { from: 'failed', event: 'expire', to: 'expired' },
]);
export const REMOVAL_TRANSITIONS = REMOVAL.table;

/** Still waiting for an answer: an approver may remove from here, or deny, or the request may lapse. */
export const REMOVAL_OPEN: ReadonlySet<RemovalState> = statesWith(REMOVAL_TRANSITIONS, 'deny');

const core = requestShape('passkey-removal', [...REMOVAL_STATES]).extend({
  passkey: z.object({
    id: z.string(),
    displayName: z.string().nullable(),
    authenticatorName: z.string(),
    aaGuid: z.string().nullable(),
    passkeyType: z.enum(['deviceBound', 'synced']).nullable(),
    createdDateTime: z.string().nullable(),
  }),
  revokeSessions: z.boolean(),
});

/** A stored request as its state guarantees it; the workflow checks each record it reads against this. */
export const REMOVAL_RECORD_SHAPE: z.ZodType<RemovalRecord> = z.discriminatedUnion('state', [
  core.extend({ state: z.literal('requested') }),
  core.extend({ state: z.literal('approved'), ...APPROVAL_SHAPE, ...CLAIM_SHAPE }),
  core.extend({
    state: z.literal('removed'),
    ...APPROVAL_SHAPE,
    removed: z.object({ alreadyGone: z.boolean(), sessionsRevoked: z.boolean(), revokeFailure: z.string().optional() }),
  }),
  core.extend({ state: z.literal('failed'), ...APPROVAL_SHAPE, ...FAILURE_SHAPE }),
  core.extend({ state: z.literal('denied'), ...DENIAL_SHAPE, ...EARLIER_SHAPE }),
  core.extend({ state: z.literal('expired'), ...EARLIER_SHAPE }),
]);
