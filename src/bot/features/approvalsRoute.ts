/**
 * `route approvals here`, typed in the approvers' channel with the bot
 * mentioned: TAP and passkey-removal requests made in personal chats are
 * posted there from now on. Registered by an operator, like escalation routes.
 */
import { TurnContext } from 'botbuilder';
import { PasskeyDoctorError } from '../../errors/catalog';
import { logger } from '../../logger';
import { inSharedConversation } from '../actionTurn';
import type { BotFeature } from '../feature';

export const approvalsRouteFeature: BotFeature = {
  commands: [
    {
      pattern: /^route\s+approvals\b/i,
      audience: 'operator',
      handle: async (turn, text) => {
        if (!/^route\s+approvals\s+here$/i.test(text.trim())) throw new PasskeyDoctorError('USAGE', 'approvalsRouteCommand');
        const { activity } = turn.ctx;
        if (!inSharedConversation(turn)) {
          throw new PasskeyDoctorError('USAGE', 'approvalsRouteInPersonalChat');
        }
        const channelData = activity.channelData as { channel?: { name?: string } } | undefined;
        const name = activity.conversation.name || channelData?.channel?.name || 'the approvers’ channel';
        await turn.services.routes.register('approvals', {
          conversation: TurnContext.getConversationReference(activity),
          name: name === 'the approvers’ channel' ? name : `“${name}”`,
          registeredBy: turn.actor,
          registeredAt: new Date().toISOString(),
        });
        logger.info('approvals route registered', { by: turn.actor.id });
        await turn.ctx.sendActivity('TAP and passkey-removal requests made in personal chats will be posted in this channel for an approver.');
      },
    },
  ],
};
