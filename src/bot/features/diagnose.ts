/** `diagnose <upn> [device options]`: the verdict card, with a typing indicator while Graph is asked. */
import { ActivityTypes } from 'botbuilder';
import { parseDiagnoseCommand } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature } from '../feature';
import { sendCard } from '../sendCard';

export const diagnoseFeature: BotFeature = {
  commands: [
    {
      pattern: /^diagnose\b/i,
      audience: 'operators',
      handle: async (turn, text) => {
        const request = parseDiagnoseCommand(text);
        await turn.ctx.sendActivity({ type: ActivityTypes.Typing });
        const { card } = await diagnoseAndRecord(turn, { subject: request.upn, device: request.device, compare: false });
        await sendCard(turn.ctx, card);
      },
    },
  ],
};
