/**
 * A Temporary Access Pass request as stored, and the sentences cards show
 * about it. The record never holds the pass itself — there is no field for
 * it — so everything derived from the record is safe to share.
 *
 *   requested ──approve──► issuing ──► issued
 *       │  └──approve (a usable pass exists)──► approved ──confirm──► issuing
 *       ├──deny──► denied                 issuing ──Graph failed──► failed ──approve──► issuing
 *       └──time──► expired   (from requested, approved or failed)
 */
import { durationText } from '../diagnosis/wording';
import { statesWith, targetName, timeText, type ApprovalRequest, type CommonEvent, type TransitionRow } from './approvalRequest';

export type TapState = 'requested' | 'approved' | 'issuing' | 'issued' | 'denied' | 'failed' | 'expired';

export interface IssuedTapFacts {
  methodId: string;
  validFrom: string;
  validUntil: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

export interface TapRecord extends ApprovalRequest<'tap', TapState> {
  /** State `approved`: the usable pass the approver was shown and must agree to replace. */
  replaces?: { methodId: string; validUntil: string | null };
  issued?: IssuedTapFacts;
}

export type TapEvent = CommonEvent | 'ask-to-replace' | 'issued' | 'failed';

/** Every move a pass request can make; `advance` writes no other. `issuing` → `issuing` takes over an orphaned claim. */
export const TAP_TRANSITIONS: ReadonlyArray<TransitionRow<TapState, TapEvent>> = [
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
];

/** Still waiting for an answer: an approver may issue from here, or deny, or the request may lapse. */
export const OPEN: ReadonlySet<TapState> = statesWith(TAP_TRANSITIONS, 'deny');

/** One line for the shared card: who asked, where it stands. Never the pass. */
export function tapSummary(record: TapRecord): string {
  const who = targetName(record.target);
  switch (record.state) {
    case 'requested':
      return `${record.requestedBy.name} asked for a Temporary Access Pass for ${who} at ${timeText(record.requestedAt)}; waiting for an approver.`;
    case 'approved':
      return `${record.approvedBy?.name} approved; ${who} already has a usable pass, so ${record.approvedBy?.name} must confirm replacing it.`;
    case 'issuing':
      return `${record.approvedBy?.name} approved; the pass for ${who} is being created.`;
    case 'issued': {
      const issued = record.issued!;
      const usage = issued.isUsableOnce ? 'one-time' : 'reusable until it expires';
      return `TAP issued by ${record.approvedBy?.name} for ${who}, valid from ${timeText(issued.validFrom)} to ${timeText(issued.validUntil)}, ${usage}.`;
    }
    case 'denied':
      return `${record.deniedBy?.name} denied the Temporary Access Pass for ${who}.`;
    case 'failed':
      return `The pass for ${who} could not be issued: ${record.failure?.message} An approver can try again.`;
    case 'expired':
      return `The request for a Temporary Access Pass for ${who} expired unanswered at ${timeText(record.expiresAt)}; request again if it is still needed.`;
  }
}

/**
 * What the approver tells the user, shown beside the pass. The registration
 * window is the diagnosis's MFA freshness (Learn says 5 minutes on the
 * passkey page and 10 on the TAP page; the stricter one is kept everywhere).
 */
export function tapInstructions(record: TapRecord, freshnessMinutes: number): string[] {
  const issued = record.issued!;
  const who = targetName(record.target);
  const lines = [
    `Give the pass to ${who} over a channel where you know it is them (a call you placed, in person) — not by email or chat.`,
    `${who} signs in at https://mysignins.microsoft.com/security-info (My Sign-ins, Security info) with the pass, then adds the passkey there.`,
  ];
  if (issued.isUsableOnce) {
    lines.push(`The pass works for one sign-in: the passkey must be registered within ${freshnessMinutes} minutes of signing in with it.`);
  }
  lines.push(`It is valid from ${timeText(issued.validFrom)} for ${durationText(issued.lifetimeInMinutes * 60_000)}. This is the only time it is shown.`);
  return lines;
}
