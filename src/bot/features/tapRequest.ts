/**
 * "Request TAP" on a verdict card: an operator asks, and the request is
 * posted for an approver — here, or from a personal chat in the approvers'
 * channel. While one request for the user is open, another is refused.
 */
import { targetName, targetOf, timeText } from '../../actions/approvalRequest';
import { OPEN } from '../../actions/tapRecord';
import { tapRequestId } from '../../actions/tapWorkflow';
import { VERBS } from '../../cards/verbs';
import { isWellFormedId } from '../../store/workflowStore';
import { runAction } from '../actionTurn';
import { replyToTap } from '../approvalReplies';
import { placeForApproval, whereFor } from '../approvalRouting';
import type { BotFeature, Turn } from '../feature';
import { runData } from '../cardData';

/**
 * Claims the user's one open TAP request for this card's request; the
 * refusal when another is open (or being made this moment), else null.
 */
async function claimOpenRequest(turn: Turn, userId: string, requestId: string): Promise<string | null> {
  const { tap } = turn.services.actions;
  const claim = await turn.services.openRequests.claim('tap', userId, requestId, async (id) => {
    const found = await tap.view(id);
    if (!found) return 'missing';
    return OPEN.has(found.state) && Date.parse(found.expiresAt) > Date.now() ? 'open' : 'closed';
  });
  if (claim.claimed) return null;
  const open = claim.inProgress ? undefined : await tap.view(claim.holder);
  if (!open) return 'Another Temporary Access Pass request for this user is being made right now; look for its card, then approve or deny that one.';
  return `${open.requestedBy.name} already requested a pass for ${targetName(open.target)} at ${timeText(open.requestedAt)}; approve or deny that one (it waits until ${timeText(open.expiresAt)}).`;
}

const requestTap = runAction({
  verb: VERBS.tapRequest,
  audience: 'operator',
  data: runData,
  handle: async (turn, run) => {
    const place = await placeForApproval(turn);
    if (place.kind === 'refused') return place.message;
    const target = targetOf(run);
    // The request's id follows from the run, so the claim can name it before it exists.
    const refusal = target && isWellFormedId(run.runId) ? await claimOpenRequest(turn, target.id, tapRequestId(run.runId)) : null;
    if (refusal) return refusal;
    return replyToTap(turn, await turn.services.actions.tap.request(turn.actor, run, whereFor(turn, place)), place);
  },
});

export const tapRequestFeature: BotFeature = { cardActions: [requestTap] };
