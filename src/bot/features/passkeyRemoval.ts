/**
 * Removing a lost passkey: "Remove passkey" lists the user's passkeys to the
 * clicking operator only; picking one posts a removal request; an approver
 * approves or denies it like a TAP. The passkey id from the card is checked
 * against the user's passkeys now, and the user comes from the stored run.
 */
import { VERBS } from '../../cards/verbs';
import { runAction, whereOf } from '../actionTurn';
import { replyToRemoval } from '../approvalReplies';
import { placeForApproval, whereFor } from '../approvalRouting';
import type { BotFeature, CardActionSpec } from '../feature';
import { answerInTime } from '../lateAnswer';
import { UNKNOWN_REQUEST } from '../../actions/refusals';
import { removalRequestData, requestData, runData, type RequestData } from '../cardData';

const listPasskeys = runAction({
  verb: VERBS.passkeyRemove,
  audience: 'operator',
  data: runData,
  handle: async (turn, run) => replyToRemoval(turn, await turn.services.actions.removal.list(turn.actor, run)),
});

const requestRemoval = runAction({
  verb: VERBS.passkeyRemovalRequest,
  audience: 'operator',
  data: removalRequestData,
  handle: async (turn, run, data) => {
    const place = await placeForApproval(turn);
    if (place.kind === 'refused') return place.message;
    const result = await turn.services.actions.removal.request(turn.actor, run, data.methodId, {
      ...whereFor(turn, place),
      revokeSessions: data.revokeSessions,
    });
    return replyToRemoval(turn, result, place);
  },
});

const approve: CardActionSpec<RequestData> = {
  verb: VERBS.passkeyRemovalApprove,
  audience: 'approver',
  data: requestData,
  misfit: UNKNOWN_REQUEST,
  handle: async (turn, data) =>
    answerInTime(
      turn,
      turn.services.actions.removal.approve(turn.actor, data.requestId, whereOf(turn)),
      (result) => replyToRemoval(turn, result),
      'Removing… Microsoft Graph is slow to answer. The outcome will come to you in your personal chat with Passkey Doctor, and the request card will show it.',
    ),
};

const deny: CardActionSpec<RequestData> = {
  verb: VERBS.passkeyRemovalDeny,
  audience: 'approver',
  data: requestData,
  misfit: UNKNOWN_REQUEST,
  handle: async (turn, data) =>
    replyToRemoval(turn, await turn.services.actions.removal.deny(turn.actor, data.requestId, whereOf(turn))),
};

export const passkeyRemovalFeature: BotFeature = { cardActions: [listPasskeys, requestRemoval, approve, deny] };
