/**
 * "Escalate" on a verdict card: the verdict and its evidence go to the
 * channel registered for the team that owns the root cause (and to the
 * ticketing webhook, if one is set), and the card says so for everyone.
 * The channel gets its own copy of the run, because a card's run id is only
 * honoured in the conversation it was posted in — so Re-run works there.
 */
import { routeOwnerLabel } from '../../model/owners';
import type { EscalationPayload } from '../../actions/escalation';
import { escalationCard } from '../../cards/render';
import { escalationSummary } from '../../cards/workflowSummaries';
import { VERBS } from '../../cards/verbs';
import { logger } from '../../logger';
import type { EscalationRoute } from '../../store/routes';
import { runAction } from '../actionTurn';
import { verdictCardFor } from '../diagnosisRuns';
import type { BotFeature, Turn } from '../feature';
import type { RunRecord } from '../runs';
import { postCardTo } from '../sendCard';
import { runData } from '../cardData';

/** False when the channel could not be reached (the bot removed from the team, say). */
async function postToChannel(
  { ctx, services }: Turn,
  run: RunRecord,
  route: EscalationRoute,
  payload: EscalationPayload,
  line: string,
): Promise<boolean> {
  const copy: RunRecord = {
    ...run,
    runId: services.runs.newRunId(),
    conversationId: route.conversation.conversation?.id ?? '',
    escalation: { line, payload },
  };
  await services.runs.save(copy);
  try {
    await postCardTo(ctx.adapter, services.botAppId, route.conversation, escalationCard(payload, copy.runId));
    return true;
  } catch (error) {
    logger.warn('escalation could not be posted to its channel', { owner: route.owner, error });
    return false;
  }
}

const escalate = runAction({
  verb: VERBS.escalate,
  audience: 'operator',
  data: runData,
  handle: async (turn, run) => {
    const result = await turn.services.actions.escalation.escalate(turn.actor, run);
    // Already escalated: the escalation's own line, then why it is not sent again.
    if (result.kind === 'refused') return result.record ? `${escalationSummary(result.record)} ${result.message}` : result.message;
    const line = escalationSummary(result.record);
    if (result.route && !(await postToChannel(turn, run, result.route, result.payload, line))) {
      const team = routeOwnerLabel(result.route.owner);
      const undelivered = await turn.services.actions.escalation.undelivered(turn.actor, result.record);
      const card = verdictCardFor(run, { escalation: escalationSummary(undelivered), escalationUndelivered: true });
      return {
        clicker: `Posting the escalation to the ${team}'s channel failed (is Passkey Doctor still in that team?). If it was removed, add it and type "route ${result.route.owner} here" in their channel, then press Retry escalation.`,
        everyone: card,
      };
    }
    const escalated: RunRecord = { ...run, escalation: { line } };
    await turn.services.runs.save(escalated);
    const card = verdictCardFor(escalated);
    return { clicker: result.notice ?? card, everyone: card };
  },
});

export const escalateFeature: BotFeature = { cardActions: [escalate] };
