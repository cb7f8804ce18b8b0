/**
 * The Temporary Access Pass request as the whole conversation sees it: who
 * asked, for whom, where it stands, and Approve / Deny while it is open.
 * Built only from the stored request, which has no field for the pass.
 */
import { OPEN, type TapRecord, type TapState } from '../actions/tapRecord';
import type { TapResult } from '../actions/tapWorkflow';
import { decisionFacts, requestedFact } from './decisionFacts';
import { personLine, type ContainerStyle, type TextColor, type ApprovalRequestView } from './labels';
import { replaceQuestion, tapSummary } from './workflowSummaries';

export type TapRequestView = ApprovalRequestView;

const STATUS: Record<TapState, { status: string; style: ContainerStyle; color: TextColor }> = {
  requested: { status: 'Waiting for an approver', style: 'accent', color: 'Accent' },
  approved: { status: 'Waiting for the approver to confirm', style: 'accent', color: 'Accent' },
  issuing: { status: 'Being issued', style: 'accent', color: 'Accent' },
  issued: { status: 'Issued', style: 'good', color: 'Good' },
  denied: { status: 'Denied', style: 'emphasis', color: 'Default' },
  failed: { status: 'Not issued yet — an approver can try again', style: 'warning', color: 'Default' },
  expired: { status: 'Expired', style: 'emphasis', color: 'Default' },
};

export function tapRequestView(request: TapRecord): TapRequestView {
  const open = OPEN.has(request.state);
  const facts = [
    { title: 'For', value: personLine(request.target) },
    requestedFact(request),
    { title: 'Root cause', value: request.rootCause ?? 'none' },
    ...decisionFacts(request, open),
  ];
  return { requestId: request.id, ...STATUS[request.state], summary: tapSummary(request), facts, open };
}

export interface TapConfirmReplaceView {
  requestId: string;
  message: string;
}

export const tapConfirmReplaceView = (result: Extract<TapResult, { kind: 'confirm-replace' }>): TapConfirmReplaceView => ({
  requestId: result.request.id,
  message: replaceQuestion(result.request),
});
