/** The weekly digest's proactive post: the scheduler decides when; this puts the card in the registered channel. */
import { DigestScheduler } from '../actions/digestSchedule';
import type { BotServices } from './feature';
import { digestCardFor } from './features/digest';
import { postCardTo, type ProactiveAdapter } from './sendCard';

export function createDigestScheduler(
  adapter: ProactiveAdapter,
  botAppId: string,
  services: BotServices,
  clock?: () => Date,
): DigestScheduler | undefined {
  const digest = services.digest;
  if (!digest) return undefined;
  return new DigestScheduler({
    schedule: digest.schedule,
    ...(clock ? { clock } : {}),
    store: digest.store,
    report: (days) => digest.report.report(days),
    publish: async (route, report) => {
      const card = await digestCardFor(digest, report, route.conversation.conversation?.id ?? '');
      await postCardTo(adapter, botAppId, route.conversation, card);
    },
  });
}
