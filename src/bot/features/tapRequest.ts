/** "Request TAP" on a verdict card: an operator asks, and the request is posted for an approver. */
import { VERBS } from '../../cards/verbs';
import { personOf, runOf, STALE_CARD, whereOf } from '../actionTurn';
import { replyToTap } from '../approvalReplies';
import type { BotFeature, CardActionSpec } from '../feature';

const requestTap: CardActionSpec<{ runId?: unknown }> = {
  verb: VERBS.tapRequest,
  audience: 'operators',
  handle: async (turn, data) => {
    const run = await runOf(turn, data.runId);
    if (!run) return STALE_CARD;
    return replyToTap(turn, await turn.services.actions.tap.request(personOf(turn), run, whereOf(turn)));
  },
};

export const tapRequestFeature: BotFeature = { cardActions: [requestTap] };
