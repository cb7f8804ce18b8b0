/**
 * `policy check`: the tenant's passkey design on a card (operators only, like
 * every command). Re-check reads the policies afresh, since an admin usually
 * clicks it right after changing one; its card holds no tenant data in `data`.
 */
import { policyCheckCard } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import type { BotFeature, CardActionSpec } from '../feature';
import { sendCard } from '../sendCard';
import { STALE_CARD } from '../actionTurn';
import { noData, type NoData } from '../cardData';

const recheck: CardActionSpec<NoData> = {
  verb: VERBS.policyRecheck,
  audience: 'operator',
  data: noData,
  misfit: STALE_CARD,
  handle: async ({ services }) => {
    const card = policyCheckCard(await services.policyCheck.check({ fresh: true }));
    return { clicker: card, everyone: card };
  },
};

export const policyCheckFeature: BotFeature = {
  commands: [
    {
      pattern: /^policy\s+check\s*$/i,
      audience: 'operator',
      handle: async ({ ctx, services }) => {
        await sendCard(ctx, policyCheckCard(await services.policyCheck.check()));
      },
    },
  ],
  cardActions: [recheck],
};
