/**
 * Passkey removal on cards: the private list an operator picks from, and the
 * removal request the whole conversation sees, with Approve / Deny while it
 * is open.
 */
import type { RemovalResult } from '../actions/passkeyRemoval';
import { REMOVAL_OPEN, type PasskeyChoice, type RemovalRecord, type RemovalState } from '../actions/removalRecord';
import { decisionFacts, requestedFact } from './decisionFacts';
import { personLine, type ContainerStyle, type TextColor, utcMinute, type ApprovalRequestView } from './labels';
import { removalSummary } from './workflowSummaries';

const PASSKEY_TYPES: Record<NonNullable<PasskeyChoice['passkeyType']>, string> = { deviceBound: 'device-bound', synced: 'synced' };

const passkeyDetails = (passkey: PasskeyChoice): string =>
  [
    passkey.authenticatorName,
    passkey.passkeyType ? PASSKEY_TYPES[passkey.passkeyType] : undefined,
    passkey.createdDateTime ? `added ${utcMinute(passkey.createdDateTime)}` : 'date added unknown',
  ]
    .filter(Boolean)
    .join(' · ');

export interface PasskeyListView {
  runId: string;
  who: string;
  hasPasskeys: boolean;
  passkeys: Array<{ id: string; name: string; details: string }>;
}

export function passkeyListView(listed: Extract<RemovalResult, { kind: 'passkeys' }>): PasskeyListView {
  return {
    runId: listed.runId,
    who: personLine(listed.target),
    hasPasskeys: listed.passkeys.length > 0,
    passkeys: listed.passkeys.map((passkey) => ({
      id: passkey.id,
      name: passkey.displayName ?? passkey.authenticatorName,
      details: passkeyDetails(passkey),
    })),
  };
}

export type PasskeyRemovalView = ApprovalRequestView;

const STATUS: Record<RemovalState, { status: string; style: ContainerStyle; color: TextColor }> = {
  requested: { status: 'Waiting for an approver', style: 'accent', color: 'Accent' },
  approved: { status: 'Being removed', style: 'accent', color: 'Accent' },
  removed: { status: 'Removed', style: 'good', color: 'Good' },
  denied: { status: 'Denied', style: 'emphasis', color: 'Default' },
  failed: { status: 'Not removed yet — an approver can try again', style: 'warning', color: 'Default' },
  expired: { status: 'Expired', style: 'emphasis', color: 'Default' },
};

export function passkeyRemovalView(request: RemovalRecord): PasskeyRemovalView {
  const open = REMOVAL_OPEN.has(request.state);
  const facts = [
    { title: 'For', value: personLine(request.target) },
    { title: 'Passkey', value: `${request.passkey.displayName ?? request.passkey.authenticatorName} (${passkeyDetails(request.passkey)})` },
    { title: 'Sign-in sessions', value: request.revokeSessions ? 'revoke them too (signs the user out everywhere)' : 'left as they are' },
    requestedFact(request),
    ...decisionFacts(request, open),
  ];
  return { requestId: request.id, ...STATUS[request.state], summary: removalSummary(request), facts, open };
}
