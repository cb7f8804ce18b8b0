/**
 * `diagnose <upn> [device options]`: a typing indicator, then the verdict
 * card. A diagnosis that takes longer than a second first posts a small
 * "checking…" card saying what it waits for, which the verdict replaces.
 */
import { ActivityTypes } from 'botbuilder';
import { checkingView } from '../../cards/checkingView';
import { noticeCard, type AdaptiveCardJson } from '../../cards/render';
import { parseDiagnoseCommand } from '../commandText';
import { diagnoseAndRecord } from '../diagnosisRuns';
import type { BotFeature, Turn } from '../feature';
import { sendCard, sendPlaceholder } from '../sendCard';
import { waitReason } from '../waitReason';

/** How long a diagnosis may take before the conversation hears what it is waiting for. */
export const CHECKING_AFTER_MS = 1000;

async function cardWhenReady(turn: Turn, subject: string, card: Promise<AdaptiveCardJson>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CHECKING_AFTER_MS)));
  const first = await Promise.race([card, slow]).finally(() => clearTimeout(timer));
  if (!first) {
    const waitingFor = waitReason(turn.services.reports?.reportsStatus(), Date.now());
    await sendPlaceholder(turn.ctx, noticeCard(checkingView(subject, waitingFor)));
  }
  // A failure lands in the guard, whose notice replaces the "checking…" message the same way.
  await sendCard(turn.ctx, first ?? (await card));
}

export const diagnoseFeature: BotFeature = {
  commands: [
    {
      pattern: /^diagnose\b/i,
      audience: 'operator',
      handle: async (turn, text) => {
        const request = parseDiagnoseCommand(text);
        await turn.ctx.sendActivity({ type: ActivityTypes.Typing });
        const card = diagnoseAndRecord(turn, { subject: request.upn, device: request.device, compare: false }).then((r) => r.card);
        await cardWhenReady(turn, request.upn, card);
      },
    },
  ],
};
