/**
 * Where a TAP or passkey-removal request waits for an approver. In a channel
 * or group chat: right there. In a personal chat only the requester would
 * see it, so it goes to the channel registered with `route approvals here`,
 * and without one the request is refused with how to register it. The
 * sandbox (one person, `as approver`) approves in place: start-up wiring
 * sets `approvalsInPersonalChat`.
 */
import type { ClickContext } from '../actions/approvalRequest';
import type { AdaptiveCardJson } from '../cards/render';
import { logger } from '../logger';
import type { ApprovalsRoute } from '../store/routes';
import { whereOf } from './actionTurn';
import type { Turn } from './feature';
import { postCardTo, sendCard } from './sendCard';

export type ApprovalPlace = { kind: 'here' } | { kind: 'channel'; route: ApprovalsRoute } | { kind: 'refused'; message: string };

export const NO_APPROVALS_CHANNEL =
  'A request made in a personal chat goes to the approvers’ channel, and none is registered yet: a member of the operators group types "route approvals here" in that channel, mentioning Passkey Doctor. Then click again, or make the request in that channel.';

export async function placeForApproval(turn: Turn): Promise<ApprovalPlace> {
  if (turn.ctx.activity.conversation?.conversationType !== 'personal' || turn.services.approvalsInPersonalChat) return { kind: 'here' };
  const route = await turn.services.routes.get('approvals');
  return route ? { kind: 'channel', route } : { kind: 'refused', message: NO_APPROVALS_CHANNEL };
}

/** The conversation whose cards may answer the request: where its card is posted. */
export function whereFor(turn: Turn, place: ApprovalPlace): ClickContext {
  return place.kind === 'channel' ? { conversationId: place.route.conversation.conversation?.id ?? '' } : whereOf(turn);
}

/** Posts the request card where it waits; returns the line for the requester. */
export async function postRequest(turn: Turn, place: ApprovalPlace, card: AdaptiveCardJson): Promise<string> {
  if (place.kind !== 'channel') {
    await sendCard(turn.ctx, card);
    return 'Asked for approval: the request is the new card below, for a member of the TAP approvers group to answer.';
  }
  try {
    await postCardTo(turn.ctx.adapter, turn.services.botAppId, place.route.conversation, card);
  } catch (error) {
    logger.warn('approval request could not be posted to the approvers channel', { error });
    return `The request was recorded, but posting it to ${place.route.name} failed (is Passkey Doctor still in that team?). Type "route approvals here" in the approvers’ channel again, then re-run the diagnosis and ask again.`;
  }
  return `Asked for approval in ${place.route.name}, the approvers’ channel: a member of the TAP approvers group answers it there.`;
}
