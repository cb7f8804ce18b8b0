/**
 * "Request TAP" on a verdict card: an operator asks, and the request is
 * posted for an approver — here, or from a personal chat in the approvers'
 * channel. While one request for the user is open, another is refused.
 */
import { targetName, targetOf, timeText } from '../../actions/approvalRequest';
import { OPEN } from '../../actions/tapRecord';
import { VERBS } from '../../cards/verbs';
import { personOf, runOf, STALE_CARD } from '../actionTurn';
import { replyToTap } from '../approvalReplies';
import { placeForApproval, whereFor } from '../approvalRouting';
import type { BotFeature, CardActionSpec, Turn } from '../feature';

/** The refusal for a second request while the user's latest is still open, or null. */
async function alreadyOpen(turn: Turn, userId: string): Promise<string | null> {
  const latest = await turn.services.openRequests.latest('tap', userId);
  const found = latest ? await turn.services.actions.tap.view(latest) : undefined;
  if (!found) return null;
  const { request } = found;
  if (!OPEN.has(request.state) || Date.parse(request.expiresAt) <= Date.now()) return null;
  return `${request.requestedBy.name} already requested a pass for ${targetName(request.target)} at ${timeText(request.requestedAt)}; approve or deny that one (it waits until ${timeText(request.expiresAt)}).`;
}

const requestTap: CardActionSpec<{ runId?: unknown }> = {
  verb: VERBS.tapRequest,
  audience: 'operators',
  handle: async (turn, data) => {
    const run = await runOf(turn, data.runId);
    if (!run) return STALE_CARD;
    const place = await placeForApproval(turn);
    if (place.kind === 'refused') return place.message;
    const target = targetOf(run);
    const open = target ? await alreadyOpen(turn, target.id) : null;
    if (open) return open;
    const result = await turn.services.actions.tap.request(personOf(turn), run, whereFor(turn, place));
    if (result.kind === 'requested') await turn.services.openRequests.mark('tap', result.request.target.id, result.request.id);
    return replyToTap(turn, result, place);
  },
};

export const tapRequestFeature: BotFeature = { cardActions: [requestTap] };
