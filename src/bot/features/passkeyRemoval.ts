/**
 * Removing a lost passkey: "Remove passkey" lists the user's passkeys to the
 * clicking operator only; picking one posts a removal request; an approver
 * approves or denies it like a TAP. The passkey id from the card is checked
 * against the user's passkeys now, and the user comes from the stored run.
 */
import { VERBS } from '../../cards/verbs';
import { personOf, runOf, STALE_CARD, whereOf } from '../actionTurn';
import { replyToRemoval } from '../approvalReplies';
import { placeForApproval, whereFor } from '../approvalRouting';
import type { BotFeature, CardActionSpec } from '../feature';
import { answerInTime } from '../lateAnswer';

const listPasskeys: CardActionSpec<{ runId?: unknown }> = {
  verb: VERBS.passkeyRemove,
  audience: 'operator',
  handle: async (turn, data) => {
    const run = await runOf(turn, data.runId);
    if (!run) return STALE_CARD;
    return replyToRemoval(turn, await turn.services.actions.removal.list(personOf(turn), run));
  },
};

const requestRemoval: CardActionSpec<{ runId?: unknown; methodId?: unknown; revokeSessions?: unknown }> = {
  verb: VERBS.passkeyRemovalRequest,
  audience: 'operator',
  handle: async (turn, data) => {
    const run = await runOf(turn, data.runId);
    if (!run) return STALE_CARD;
    // Input.Toggle sends its value as the string "true".
    const revokeSessions = data.revokeSessions === 'true' || data.revokeSessions === true;
    const place = await placeForApproval(turn);
    if (place.kind === 'refused') return place.message;
    const result = await turn.services.actions.removal.request(personOf(turn), run, data.methodId, {
      ...whereFor(turn, place),
      revokeSessions,
    });
    return replyToRemoval(turn, result, place);
  },
};

const approve: CardActionSpec<{ requestId?: unknown }> = {
  verb: VERBS.passkeyRemovalApprove,
  audience: 'approver',
  handle: async (turn, data) =>
    answerInTime(
      turn,
      turn.services.actions.removal.approve(personOf(turn), data.requestId, whereOf(turn)),
      (result) => replyToRemoval(turn, result),
      'Removing… Microsoft Graph is slow to answer. The outcome will come to you in your personal chat with Passkey Doctor, and the request card will show it.',
    ),
};

const deny: CardActionSpec<{ requestId?: unknown }> = {
  verb: VERBS.passkeyRemovalDeny,
  audience: 'approver',
  handle: async (turn, data) =>
    replyToRemoval(turn, await turn.services.actions.removal.deny(personOf(turn), data.requestId, whereOf(turn))),
};

export const passkeyRemovalFeature: BotFeature = { cardActions: [listPasskeys, requestRemoval, approve, deny] };
