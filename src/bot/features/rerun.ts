/**
 * Re-run: diagnose the card's user again with the same device details and
 * show what changed since their previous run. The card is updated for
 * everyone in the conversation, since a verdict holds nothing user-specific.
 */
import { VERBS } from '../../cards/verbs';
import { runOf, STALE_CARD } from '../actionTurn';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, CardActionSpec } from '../feature';

const rerun: CardActionSpec<{ runId?: unknown }> = {
  verb: VERBS.rerun,
  audience: 'operators',
  handle: async (turn, data) => {
    const previous = await runOf(turn, data.runId);
    if (!previous) return STALE_CARD;
    const { card } = await diagnoseAndRecord(turn, { subject: previous.subject, device: previous.device, compare: true });
    return { clicker: card, everyone: card };
  },
};

export const rerunFeature: BotFeature = { cardActions: [rerun] };
