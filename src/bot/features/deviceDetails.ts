/**
 * The device form's submit: diagnose the card's user again with the details
 * the technician chose (validated like typed options) and show what changed.
 */
import { VERBS } from '../../cards/verbs';
import { parseDeviceForm } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, CardActionSpec } from '../feature';
import { replaceCardForEveryone } from '../sendCard';
import { STALE_CARD } from './rerun';

const submitDevice: CardActionSpec<Record<string, unknown>> = {
  verb: VERBS.deviceSubmit,
  audience: 'operators',
  handle: async (turn, data) => {
    const previous = await turn.services.runs.find(data.runId, turn.ctx.activity.conversation.id);
    if (!previous) return STALE_CARD;
    const device = parseDeviceForm(data);
    const { card } = await diagnoseAndRecord(turn, { subject: previous.subject, device, compare: true });
    await replaceCardForEveryone(turn.ctx, card);
    return card;
  },
};

export const deviceDetailsFeature: BotFeature = { cardActions: [submitDevice] };
