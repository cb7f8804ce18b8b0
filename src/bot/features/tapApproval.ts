/**
 * Approve / Deny on the TAP request card, and "Replace it" on the approver's
 * question about an existing pass. Behind the approvers' group, not the
 * operators' (approvers need not be operators); the workflow checks the
 * group again, the request's state and that the approver is not the
 * requester. Only the request id is taken from the card.
 */
import { VERBS } from '../../cards/verbs';
import { whereOf } from '../actionTurn';
import { replyToTap } from '../approvalReplies';
import type { BotFeature, CardActionSpec } from '../feature';
import { answerInTime } from '../lateAnswer';
import { UNKNOWN_REQUEST } from '../../actions/refusals';
import { requestData, tapApproveData, type RequestData, type TapApproveData } from '../cardData';

/** A throttled create can outlast Teams' wait for the click's answer; the pass then goes to the approver's personal chat. */
export const STILL_ISSUING =
  'Issuing… Microsoft Graph is slow to answer. The pass will come to you alone, in your personal chat with Passkey Doctor, as soon as it is created — it is not shown anywhere else.';

const approve: CardActionSpec<TapApproveData> = {
  verb: VERBS.tapApprove,
  audience: 'approver',
  data: tapApproveData,
  misfit: UNKNOWN_REQUEST,
  handle: async (turn, data) =>
    answerInTime(
      turn,
      turn.services.actions.tap.approve(turn.actor, data.requestId, {
        ...whereOf(turn),
        replaceExisting: data.replaceExisting,
      }),
      (result) => replyToTap(turn, result),
      STILL_ISSUING,
    ),
};

const deny: CardActionSpec<RequestData> = {
  verb: VERBS.tapDeny,
  audience: 'approver',
  data: requestData,
  misfit: UNKNOWN_REQUEST,
  handle: async (turn, data) => replyToTap(turn, await turn.services.actions.tap.deny(turn.actor, data.requestId, whereOf(turn))),
};

export const tapApprovalFeature: BotFeature = { cardActions: [approve, deny] };
