/**
 * What each workflow result shows, and to whom. The rule for both approval
 * workflows: a refusal is a line for the clicker only and changes nothing
 * shared; a new request is posted as its own card where approvers answer
 * it (see approvalRouting.ts); every later step redraws that card for everyone from the stored
 * request — which has no field for a pass — and anything only the clicker
 * may see (the pass, a question, a failure's detail) goes to the clicker.
 */
import type { RemovalResult } from '../actions/passkeyRemoval';
import type { TapResult } from '../actions/tapWorkflow';
import { passkeyListCard, passkeyRemovalCard, tapConfirmReplaceCard, tapRequestCard, tapSecretCard } from '../cards/render';
import type { ClickReply, Turn } from './feature';
import { postRequest, type ApprovalPlace } from './approvalRouting';

const HERE: ApprovalPlace = { kind: 'here' };

export async function replyToTap(turn: Turn, result: TapResult, place: ApprovalPlace = HERE): Promise<ClickReply | string> {
  switch (result.kind) {
    case 'refused':
      return result.message;
    case 'requested':
      return postRequest(turn, place, tapRequestCard(result.request));
    case 'issued':
      return { clicker: tapSecretCard(result), everyone: tapRequestCard(result.request) };
    case 'confirm-replace':
      return { clicker: tapConfirmReplaceCard(result), everyone: tapRequestCard(result.request) };
    case 'failed':
      return { clicker: result.message, everyone: tapRequestCard(result.request) };
    case 'denied':
    case 'expired': {
      const card = tapRequestCard(result.request);
      return { clicker: card, everyone: card };
    }
  }
}

export async function replyToRemoval(turn: Turn, result: RemovalResult, place: ApprovalPlace = HERE): Promise<ClickReply | string> {
  switch (result.kind) {
    case 'refused':
      return result.message;
    case 'passkeys':
      return { clicker: passkeyListCard(result) };
    case 'requested':
      return postRequest(turn, place, passkeyRemovalCard(result.request));
    case 'removed': {
      const card = passkeyRemovalCard(result.request);
      return { clicker: result.warning ?? card, everyone: card };
    }
    case 'failed':
      return { clicker: result.message, everyone: passkeyRemovalCard(result.request) };
    case 'denied':
    case 'expired': {
      const card = passkeyRemovalCard(result.request);
      return { clicker: card, everyone: card };
    }
  }
}
