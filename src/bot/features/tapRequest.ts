/**
 * "Request TAP" on a verdict card: an operator asks, and the request is
 * posted for an approver — here, or from a personal chat in the approvers'
 * channel. While one request for the user is open, another is refused.
 */
import { VERBS } from '../../cards/verbs';
import { runAction } from '../actionTurn';
import { replyToTap } from '../approvalReplies';
import { placeForApproval, whereFor } from '../approvalRouting';
import type { BotFeature } from '../feature';
import { runData } from '../cardData';

const requestTap = runAction({
  verb: VERBS.tapRequest,
  audience: 'operator',
  data: runData,
  handle: async (turn, run) => {
    const place = await placeForApproval(turn);
    if (place.kind === 'refused') return place.message;
    return replyToTap(turn, await turn.services.actions.tap.request(turn.actor, run, whereFor(turn, place)), place);
  },
});

export const tapRequestFeature: BotFeature = { cardActions: [requestTap] };
