/** Posting, replacing and answering with cards: the only place activities with card attachments are built. */
import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/** Where a turn keeps the id of its "checking…" message, which the turn's next card replaces. */
const PLACEHOLDER = Symbol('passkey-doctor.placeholder');

/** Posts a card; if the turn posted a "checking…" message, the card takes that message's place instead. */
export async function sendCard(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const placeholder = ctx.turnState.get(PLACEHOLDER) as string | undefined;
  if (placeholder) {
    ctx.turnState.delete(PLACEHOLDER);
    await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: placeholder });
    return;
  }
  await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** Posts a card that the turn's next `sendCard` will replace in place. */
export async function sendPlaceholder(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const posted = await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  if (posted?.id) ctx.turnState.set(PLACEHOLDER, posted.id);
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

/** True once this click has its answer; a second invoke response would replace the first. */
export const isAnswered = (ctx: TurnContext): boolean => ctx.turnState.get(INVOKE_RESPONSE_KEY) !== undefined;

/**
 * Answers an `Action.Execute` click: a string appears under the card, a card
 * replaces it — for the clicker only, because it travels in the HTTP answer
 * to their own click and nowhere else. Sent here rather than returned to
 * teams-ai, which would copy a returned card into the shared message if it
 * had a `refresh` (docs/teams-stack.md §2).
 */
export async function answerClick(ctx: TurnContext, answer: AdaptiveCardJson | string): Promise<void> {
  const body =
    typeof answer === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer }
      : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer };
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Posts a card to another conversation the bot is in (a registered channel), outside the current turn. */
export async function postCardTo(
  ctx: TurnContext,
  botAppId: string,
  conversation: Partial<ConversationReference>,
  card: AdaptiveCardJson,
): Promise<void> {
  await ctx.adapter.continueConversationAsync(botAppId, conversation, (proactive) => sendCard(proactive, card));
}
