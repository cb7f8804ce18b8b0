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

/** How long a diagnosis (or a report) may take before the conversation hears what it is waiting for. */
const CHECKING_AFTER_MS = 1000;

/**
 * Posts `card` when it is ready; one slower than CHECKING_AFTER_MS first
 * posts `placeholder()` (built then, so it can say what is being waited
 * for), which the card replaces.
 */
export async function cardWhenReady(turn: Turn, card: Promise<AdaptiveCardJson>, placeholder: () => AdaptiveCardJson): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CHECKING_AFTER_MS)));
  const first = await Promise.race([card, slow]).finally(() => clearTimeout(timer));
  if (!first) await sendPlaceholder(turn.ctx, placeholder());
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
        await cardWhenReady(turn, card, () =>
          noticeCard(checkingView(request.upn, waitReason(turn.services.reports?.reportsStatus(), Date.now()))),
        );
      },
    },
  ],
};
