/** Posting, replacing and answering with cards: the only place activities with card attachments are built. */
import {
  ActivityTypes,
  CardFactory,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type BotAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/** What posting outside the current turn needs of the adapter. */
export type ProactiveAdapter = Pick<BotAdapter, 'continueConversationAsync'>;

const cardActivity = (card: AdaptiveCardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** Posts a card message; answers its id, for replacing it later (absent when the channel gave none). */
export async function postCard(ctx: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  return (await ctx.sendActivity(cardActivity(card)))?.id;
}

/** Replaces the card message `id` with `card`, for everyone in the conversation. */
export async function replaceCard(ctx: TurnContext, id: string, card: AdaptiveCardJson): Promise<void> {
  await ctx.updateActivity({ ...cardActivity(card), id });
}

/** Where a turn keeps the id of its "checking…" message, which the turn's next card replaces. */
const PLACEHOLDER = Symbol('passkey-doctor.placeholder');

/** Posts a card; if the turn posted a "checking…" message, the card takes that message's place instead. */
export async function sendCard(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const placeholder = ctx.turnState.get(PLACEHOLDER) as string | undefined;
  if (placeholder) {
    ctx.turnState.delete(PLACEHOLDER);
    await replaceCard(ctx, placeholder, card);
    return;
  }
  await postCard(ctx, card);
}

/** Posts a card that the turn's next `sendCard` will replace in place. */
export async function sendPlaceholder(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = await postCard(ctx, card);
  if (id) ctx.turnState.set(PLACEHOLDER, id);
}

/**
 * Replaces the card message the click came from, for everyone in the
 * conversation. Only for cards without anything user-specific in them.
 */
export async function replaceCardForEveryone(ctx: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const id = ctx.activity.replyToId;
  if (!id) return;
  await replaceCard(ctx, id, card);
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

/** Posts a card to a conversation the bot is in (a registered channel), outside the current turn. */
export async function postCardTo(
  adapter: ProactiveAdapter,
  botAppId: string,
  conversation: Partial<ConversationReference>,
  card: AdaptiveCardJson,
): Promise<void> {
  await adapter.continueConversationAsync(botAppId, conversation, async (proactive) => {
    await postCard(proactive, card);
  });
}

/** Replaces the card message `id` in a conversation the bot is in, outside the current turn (a sweep's progress, a late answer). */
export async function replaceCardIn(
  adapter: ProactiveAdapter,
  botAppId: string,
  conversation: Partial<ConversationReference>,
  id: string,
  card: AdaptiveCardJson,
): Promise<void> {
  await adapter.continueConversationAsync(botAppId, conversation, (proactive) => replaceCard(proactive, id, card));
}
