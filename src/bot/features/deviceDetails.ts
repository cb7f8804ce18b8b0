/**
 * The device form's submit: diagnose the card's user again with the details
 * the technician chose (validated like typed options) and show what changed.
 */
import { VERBS } from '../../cards/verbs';
import { runAction } from '../actionTurn';
import { parseDeviceForm } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature } from '../feature';
import { deviceFormData } from '../cardData';

const submitDevice = runAction({
  verb: VERBS.deviceSubmit,
  audience: 'operator',
  data: deviceFormData,
  handle: async (turn, previous, data) => {
    const device = parseDeviceForm(data);
    const { card } = await diagnoseAndRecord(turn, { subject: previous.subject, device, compare: true });
    return { clicker: card, everyone: card };
  },
});

export const deviceDetailsFeature: BotFeature = { cardActions: [submitDevice] };
