/**
 * The card only the approver who issued the pass sees, once: the pass and
 * what to tell the user. This is the one place `reveal()` is called. The card
 * goes out only as the answer to the approver's own click; it has no actions
 * (so no `data`) and no `refresh` (docs/teams-stack.md §2: teams-ai would copy a
 * card with `refresh` into the shared message).
 */
import { targetName } from '../actions/approvalRequest';
import type { TapResult } from '../actions/tapWorkflow';
import { durationText } from '../diagnosis/wording';
import { utcMinute } from './labels';
import { tapInstructions } from './workflowSummaries';

export interface TapSecretView {
  who: string;
  pass: string;
  validity: string;
  instructions: Array<{ text: string }>;
}

export function tapSecretView(issued: Extract<TapResult, { kind: 'issued' }>): TapSecretView {
  const facts = issued.request.issued;
  const usage = facts.isUsableOnce ? 'one-time' : 'reusable until it expires';
  return {
    who: targetName(issued.request.target),
    pass: issued.secret.reveal(),
    validity: `Valid from ${utcMinute(facts.validFrom)} to ${utcMinute(facts.validUntil)} (${durationText(facts.lifetimeInMinutes * 60_000)}), ${usage}.`,
    instructions: tapInstructions(issued.request, issued.registrationMinutes).map((text) => ({ text })),
  };
}
