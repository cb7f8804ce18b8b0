/**
 * Re-run: diagnose the card's user again with the same device details and
 * show what changed since their previous run. The card is updated for
 * everyone in the conversation, since a verdict holds nothing user-specific.
 * An escalated card keeps its escalation (see DiagnosisRun.escalation).
 */
import { VERBS } from '../../cards/verbs';
import { runAction } from '../actionTurn';
import { escalationRerunCard } from '../../cards/render';
import { diagnoseAndRecord, verdictCardFor } from '../diagnosisRuns';
import type { BotFeature } from '../feature';
import { runData } from '../cardData';
import { answerInTime, STILL_DIAGNOSING } from '../lateAnswer';

const rerun = runAction({
  verb: VERBS.rerun,
  audience: 'operator',
  data: runData,
  handle: async (turn, previous) => {
    const work = (async () => {
      const { run, card } = await diagnoseAndRecord(turn, { subject: previous.subject, device: previous.device, compare: true });
      if (!previous.escalation) return card;
      // An escalated card stays escalated: the new verdict under the escalation, never a second Escalate.
      const kept = { ...run, escalation: previous.escalation };
      await turn.services.runs.save(kept);
      return kept.escalation.payload
        ? escalationRerunCard(kept.escalation.payload, kept.verdict, kept.runId, kept.changes ?? null)
        : verdictCardFor(kept);
    })();
    return answerInTime(turn, work, async (card) => ({ clicker: card, everyone: card }), STILL_DIAGNOSING, { sharedCardIsTheAnswer: true });
  },
});

export const rerunFeature: BotFeature = { cardActions: [rerun] };
