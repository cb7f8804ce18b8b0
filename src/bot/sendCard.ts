/** Posting and replacing cards: the only place activities with card attachments are built. */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

export async function sendCard(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Replaces the card message the click came from, for everyone in the
 * conversation. Only for cards without anything user-specific in them.
 */
export async function replaceCardForEveryone(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = ctx.activity.replyToId;
  if (!id) return;
  await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id });
}
