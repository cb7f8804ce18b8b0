/**
 * Card clicks answered within Teams' limit. Teams stops waiting for the
 * answer to an `Action.Execute` after about 15 s, and a throttled Graph
 * write can wait longer than that (Retry-After). A click whose work is not
 * done within CLICK_BUDGET_MS answers "still working" at once; the work
 * carries on, and its result reaches the clicker privately — in their
 * personal chat with the bot, never the conversation the click came from
 * unless that is the personal chat — and the shared card is redrawn.
 * The result is delivered once: it exists only in this continuation.
 */
import { randomUUID } from 'node:crypto';
import {
  MessageFactory,
  TurnContext,
  type ChannelAccount,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { logger } from '../logger';
import type { ClickReply, Turn } from './feature';
import { postCard, replaceCardIn } from './sendCard';

/** The Bot Connector audience for proactive messages (botframework-connector's ToChannelFromBotOAuthScope). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/** A re-run slower than the click budget: the card redraws itself when the verdict is ready. */
export const STILL_DIAGNOSING = 'Still checking… Microsoft Graph is slow to answer; this card updates with the verdict when it is ready.';

/**
 * Runs `work`, answering with `reply(result)` if it finishes within the
 * budget; otherwise answers `stillWorking` now and delivers `reply(result)`
 * later (the clicker's part privately, the shared card by update).
 * `sharedCardIsTheAnswer`: the late result only redraws the card clicked
 * (a re-run's verdict), so nothing goes to the clicker's personal chat.
 */
export async function answerInTime<T>(
  turn: Turn,
  work: Promise<T>,
  reply: (result: T) => Promise<ClickReply | string>,
  stillWorking: string,
  { sharedCardIsTheAnswer = false }: { sharedCardIsTheAnswer?: boolean } = {},
): Promise<ClickReply | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = Symbol('late');
  const budget = new Promise<typeof late>((resolve) => {
    timer = setTimeout(() => resolve(late), turn.services.clickBudgetMs);
  });
  const first = await Promise.race([work, budget]).finally(() => clearTimeout(timer));
  if (first !== late) return reply(first as T);

  // The turn's context is revoked once this returns: keep what the continuation needs.
  const { ctx, services } = turn;
  const adapter = ctx.adapter;
  const reference = TurnContext.getConversationReference(ctx.activity) as ConversationReference;
  const clicker = { id: ctx.activity.from.id, name: ctx.activity.from.name };
  const tenantId = reference.conversation.tenantId ?? (ctx.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const cardMessageId = ctx.activity.replyToId;
  const botAppId = services.botAppId;
  const where: Where = { adapter, botAppId, reference, tenantId };
  const fields = { verb: (ctx.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb, actor: turn.actor.id };
  logger.warn('card click over budget; finishing privately', { ...fields, budgetMs: services.clickBudgetMs });
  void work
    .then(async (result) => {
      const answer = await reply(result);
      const { clicker: mine, everyone } = typeof answer === 'string' ? { clicker: answer, everyone: undefined } : answer;
      if (!(sharedCardIsTheAnswer && everyone && cardMessageId)) await sendPrivately(where, clicker, mine);
      if (everyone && cardMessageId) {
        await replaceCardIn(adapter, botAppId, reference, cardMessageId, everyone);
      }
      logger.info('late click answer delivered', fields);
    })
    .catch(async (error: unknown) => {
      const errorReference = randomUUID().slice(0, 8);
      logger.error('late click answer could not be delivered', { ...fields, reference: errorReference, error });
      await sendPrivately(
        where,
        clicker,
        `Passkey Doctor could not finish what you clicked (reference ${errorReference}). Look at the card again before acting.`,
      ).catch(() => undefined);
    });
  return stillWorking;
}

interface Where {
  adapter: TurnContext['adapter'];
  botAppId: string;
  reference: ConversationReference;
  tenantId: string | undefined;
}

/** To the person alone: the personal chat the click came from, or a new one-to-one conversation with them. */
async function sendPrivately(
  { adapter, botAppId, reference, tenantId }: Where,
  person: ChannelAccount,
  content: AdaptiveCardJson | string,
): Promise<void> {
  const send = async (proactive: TurnContext) => {
    if (typeof content === 'string') await proactive.sendActivity(MessageFactory.text(content));
    else await postCard(proactive, content);
  };
  if (reference.conversation.conversationType === 'personal') {
    await adapter.continueConversationAsync(botAppId, reference, send);
    return;
  }
  // Teams creates (or finds) the one-to-one chat from the member and tenant; no opening activity is sent.
  const parameters = {
    isGroup: false,
    bot: reference.bot,
    members: [person],
    tenantId,
    channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
  } as unknown as ConversationParameters;
  await adapter.createConversationAsync(
    botAppId,
    reference.channelId ?? 'msteams',
    reference.serviceUrl ?? '',
    CONNECTOR_AUDIENCE,
    parameters,
    send,
  );
}
