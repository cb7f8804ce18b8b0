/**
 * The Teams bot: a teams-ai Application with the features' commands and card
 * actions, each wrapped by the guard. Anything unmatched gets the help card
 * (messages) or a polite "not available" (a button no feature handles, e.g.
 * from a card of another version or a forged verb).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { helpCard } from '../cards/render';
import { isTooLong, normaliseText, TOO_LONG } from './messageText';
import type { BotFeature, BotServices } from './feature';
import { FEATURES } from './features';
import { guardCardAction, guardCommand } from './guard';
import { answerClick, sendCard } from './sendCard';

export const NOT_AVAILABLE_YET = 'That action is not available yet in this version of Passkey Doctor.';

export interface BotOptions {
  services: BotServices;
  features?: BotFeature[];
  adapter?: TeamsAdapter;
  botAppId?: string;
  /** teams-ai's repeating typing indicator; off in tests, where it would outlive the turn. */
  startTypingTimer?: boolean;
}

const isCardAction = async (ctx: TurnContext) => ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action';

/** The bot itself joined a chat or team: introduce it with the help card. */
const botWasAdded = (ctx: TurnContext) => (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id);

export function createBot({
  services,
  features = FEATURES,
  adapter,
  botAppId,
  startTypingTimer = true,
}: BotOptions): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, startTypingTimer, removeRecipientMention: true });

  app.turn('beforeTurn', async (ctx) => {
    if (ctx.activity.type !== ActivityTypes.Message) return true;
    // Refused before any parsing or role check: nothing about it is looked at but its length.
    if (isTooLong(ctx.activity.text)) {
      await ctx.sendActivity(TOO_LONG);
      return false;
    }
    ctx.activity.text = normaliseText(ctx.activity.text);
    return true;
  });

  for (const feature of features) {
    for (const command of feature.commands ?? []) app.message(command.pattern, guardCommand(services, command));
    for (const action of feature.cardActions ?? []) app.adaptiveCards.actionExecute(action.verb, guardCardAction(services, action));
  }

  app.conversationUpdate('membersAdded', async (ctx) => {
    if (botWasAdded(ctx)) await sendCard(ctx, helpCard(services.help));
  });
  // Plain routes run after every invoke route, so these catch only what no feature matched.
  app.activity(ActivityTypes.Message, async (ctx) => sendCard(ctx, helpCard(services.help)));
  app.activity(isCardAction, async (ctx) => answerClick(ctx, NOT_AVAILABLE_YET));
  return app;
}
