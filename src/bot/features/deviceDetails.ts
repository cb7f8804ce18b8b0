/**
 * The device form's submit: diagnose the card's user again with the details
 * the technician chose (validated like typed options) and show what changed.
 */
import { VERBS } from '../../cards/verbs';
import { runOf, STALE_CARD } from '../actionTurn';
import { parseDeviceForm } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, CardActionSpec } from '../feature';
import { deviceFormData, type DeviceFormData } from '../cardData';

const submitDevice: CardActionSpec<DeviceFormData> = {
  verb: VERBS.deviceSubmit,
  audience: 'operator',
  data: deviceFormData,
  misfit: STALE_CARD,
  handle: async (turn, data) => {
    const previous = await runOf(turn, data.runId);
    if (!previous) return STALE_CARD;
    const device = parseDeviceForm(data);
    const { card } = await diagnoseAndRecord(turn, { subject: previous.subject, device, compare: true });
    return { clicker: card, everyone: card };
  },
};

export const deviceDetailsFeature: BotFeature = { cardActions: [submitDevice] };
