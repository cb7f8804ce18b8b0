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
import { answerInTime, STILL_DIAGNOSING } from '../lateAnswer';

const submitDevice = runAction({
  verb: VERBS.deviceSubmit,
  audience: 'operator',
  data: deviceFormData,
  handle: async (turn, previous, data) => {
    const device = parseDeviceForm(data);
    const work = diagnoseAndRecord(turn, { subject: previous.subject, device, compare: true });
    const reply = async ({ card }: Awaited<typeof work>) => ({ clicker: card, everyone: card });
    return answerInTime(turn, work, reply, STILL_DIAGNOSING, { sharedCardIsTheAnswer: true });
  },
});

export const deviceDetailsFeature: BotFeature = { cardActions: [submitDevice] };
