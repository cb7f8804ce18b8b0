/**
 * A Temporary Access Pass request as stored: one type per state, each with
 * what that state guarantees, and the table of moves between them. The record
 * never holds the pass itself — there is no field for it — so everything
 * derived from the record is safe to share. Cards word it (src/cards/workflowSummaries.ts).
 *
 *   requested ──approve──► issuing ──► issued
 *       │  └──approve (a usable pass exists)──► approved ──confirm──► issuing
 *       ├──deny──► denied                 issuing ──Graph failed──► failed ──approve──► issuing
 *       └──time──► expired   (from requested, approved or failed)
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
  type ApprovalRequest,
  type Approval,
  type Denial,
  type Earlier,
  type FailureNote,
  type HeldClaim,
} from './approvalRequest';

const TAP_STATES = ['requested', 'approved', 'issuing', 'issued', 'denied', 'failed', 'expired'] as const;
export type TapState = (typeof TAP_STATES)[number];

export interface IssuedTapFacts {
  methodId: string;
  validFrom: string;
  validUntil: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

/** The usable pass the approver was shown and must agree to replace. */
export interface ReplacedPass {
  methodId: string;
  validUntil: string | null;
}

type TapCore = ApprovalRequest<'tap', TapState>;

export interface TapRequested extends TapCore {
  state: 'requested';
}
/** The user already has a usable pass: the approver who was shown it must confirm replacing it. */
export interface TapApproved extends TapCore, Approval {
  state: 'approved';
  replaces: ReplacedPass;
}
export interface TapIssuing extends TapCore, Approval, HeldClaim {
  state: 'issuing';
}
export interface TapIssued extends TapCore, Approval {
  state: 'issued';
  issued: IssuedTapFacts;
}
export interface TapFailed extends TapCore, Approval, FailureNote {
  state: 'failed';
}
export interface TapDenied extends TapCore, Denial, Earlier {
  state: 'denied';
  replaces?: ReplacedPass;
}
export interface TapExpired extends TapCore, Earlier {
  state: 'expired';
  replaces?: ReplacedPass;
}

export type TapRecord = TapRequested | TapApproved | TapIssuing | TapIssued | TapFailed | TapDenied | TapExpired;

/** Where each event leads; the table below must agree. `issuing` → `issuing` takes over an orphaned claim. */
type TapTargets = {
  claim: 'issuing';
  'ask-to-replace': 'approved';
  issued: 'issued';
  failed: 'failed';
  deny: 'denied';
  expire: 'expired';
};
export type TapEvent = keyof TapTargets;

/** Every move a pass request can make; `advance` writes no other. */
export const TAP = stateMachine<TapRecord, TapTargets>([
  { from: 'requested', event: 'claim', to: 'issuing' },
  { from: 'approved', event: 'claim', to: 'issuing' },
  { from: 'failed', event: 'claim', to: 'issuing' },
  { from: 'issuing', event: 'claim', to: 'issuing' },
  { from: 'requested', event: 'ask-to-replace', to: 'approved' },
  { from: 'approved', event: 'ask-to-replace', to: 'approved' },
  { from: 'failed', event: 'ask-to-replace', to: 'approved' },
  { from: 'issuing', event: 'ask-to-replace', to: 'approved' },
  { from: 'issuing', event: 'issued', to: 'issued' },
  { from: 'issuing', event: 'failed', to: 'failed' },
  { from: 'requested', event: 'deny', to: 'denied' },
  { from: 'approved', event: 'deny', to: 'denied' },
  { from: 'failed', event: 'deny', to: 'denied' },
  { from: 'requested', event: 'expire', to: 'expired' },
  { from: 'approved', event: 'expire', to: 'expired' },
  { from: 'failed', event: 'expire', to: 'expired' },
]);
export const TAP_TRANSITIONS = TAP.table;

/** Still waiting for an answer: an approver may issue from here, or deny, or the request may lapse. */
export const OPEN: ReadonlySet<TapState> = statesWith(TAP_TRANSITIONS, 'deny');

const core = requestShape('tap', [...TAP_STATES]);
const replaces = z.object({ methodId: z.string(), validUntil: z.string().nullable() });

/** A stored request as its state guarantees it; the workflow checks each record it reads against this. */
export const TAP_RECORD_SHAPE: z.ZodType<TapRecord> = z.discriminatedUnion('state', [
  core.extend({ state: z.literal('requested') }),
  core.extend({ state: z.literal('approved'), ...APPROVAL_SHAPE, replaces }),
  core.extend({ state: z.literal('issuing'), ...APPROVAL_SHAPE, ...CLAIM_SHAPE }),
  core.extend({
    state: z.literal('issued'),
    ...APPROVAL_SHAPE,
    issued: z.object({
      methodId: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      lifetimeInMinutes: z.number(),
      isUsableOnce: z.boolean(),
    }),
  }),
  core.extend({ state: z.literal('failed'), ...APPROVAL_SHAPE, ...FAILURE_SHAPE }),
  core.extend({ state: z.literal('denied'), ...DENIAL_SHAPE, ...EARLIER_SHAPE, replaces: replaces.optional() }),
  core.extend({ state: z.literal('expired'), ...EARLIER_SHAPE, replaces: replaces.optional() }),
]);
