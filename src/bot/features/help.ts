/** `help`: the commands and options; it reveals nothing about the tenant, so anyone may ask. */
import { helpCard } from '../../cards/render';
import type { BotFeature } from '../feature';
import { sendCard } from '../sendCard';

export const helpFeature: BotFeature = {
  commands: [
    {
      pattern: /^help\b/i,
      audience: 'anyone',
      handle: ({ ctx, services }) => sendCard(ctx, helpCard(services.help)),
    },
  ],
};
