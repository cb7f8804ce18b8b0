/**
 * Re-run: diagnose the card's user again with the same device details and
 * show what changed since their previous run. The card is updated for
 * everyone in the conversation, since a verdict holds nothing user-specific.
 * An escalated card keeps its escalation (see DiagnosisRun.escalation).
 */
import { VERBS } from '../../cards/verbs';
import { runAction } from '../actionTurn';
import { escalationRerunCard } from '../../cards/render';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature } from '../feature';
import { runData } from '../cardData';
import { answerInTime, STILL_DIAGNOSING } from '../lateAnswer';

const rerun = runAction({
  verb: VERBS.rerun,
  audience: 'operator',
  data: runData,
  handle: async (turn, previous) => {
    const work = (async () => {
      // An escalated card stays escalated: the new verdict under the escalation, never a second Escalate.
      const { run, card } = await diagnoseAndRecord(turn, {
        subject: previous.subject,
        device: previous.device,
        compare: true,
        escalation: previous.escalation,
      });
      return run.escalation?.payload ? escalationRerunCard(run.escalation.payload, run.verdict, run.runId, run.changes ?? null) : card;
    })();
    return answerInTime(turn, work, async (card) => ({ clicker: card, everyone: card }), STILL_DIAGNOSING, { sharedCardIsTheAnswer: true });
  },
});

export const rerunFeature: BotFeature = { cardActions: [rerun] };
