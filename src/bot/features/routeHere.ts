/**
 * `route identity here` / `route endpoint here`, typed in a channel (or a
 * group chat) with the bot mentioned: that conversation receives the team's
 * escalations from now on. A personal chat reaches only the person typing,
 * so it is refused.
 */
import { TurnContext } from 'botbuilder';
import { PasskeyDoctorError } from '../../errors/catalog';
import { inSharedConversation } from '../actionTurn';
import { parseRouteCommand } from '../commandText';
import type { BotFeature } from '../feature';

export const routeHereFeature: BotFeature = {
  commands: [
    {
      pattern: /^route\b/i,
      audience: 'operator',
      handle: async (turn, text) => {
        const owner = parseRouteCommand(text);
        if (!inSharedConversation(turn)) {
          throw new PasskeyDoctorError('USAGE', 'routeInPersonalChat', { owner });
        }
        const result = await turn.services.actions.escalation.registerRoute(
          turn.actor,
          owner,
          TurnContext.getConversationReference(turn.ctx.activity),
        );
        await turn.ctx.sendActivity(result.message);
      },
    },
  ],
};
