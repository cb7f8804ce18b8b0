/**
 * Re-run: diagnose the card's user again with the same device details and
 * show what changed since their previous run. The card is updated for
 * everyone in the conversation, since a verdict holds nothing user-specific.
 */
import { VERBS } from '../../cards/verbs';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, CardActionSpec } from '../feature';
import { replaceCardForEveryone } from '../sendCard';

export const STALE_CARD = 'This card is no longer available here; type diagnose followed by the user principal name to start again.';

const rerun: CardActionSpec<{ runId?: unknown }> = {
  verb: VERBS.rerun,
  audience: 'operators',
  handle: async (turn, data) => {
    const previous = await turn.services.runs.find(data.runId, turn.ctx.activity.conversation.id);
    if (!previous) return STALE_CARD;
    const { card } = await diagnoseAndRecord(turn, { subject: previous.subject, device: previous.device, compare: true });
    await replaceCardForEveryone(turn.ctx, card);
    return card;
  },
};

export const rerunFeature: BotFeature = { cardActions: [rerun] };
