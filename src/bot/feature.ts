/**
 * How the bot is extended: a feature is a list of commands and card actions,
 * each a small declarative spec (who may use it, what it matches, what it
 * does). `createBot` wraps every spec with the same authorisation, error
 * cards and logging, so a new feature (TAP, escalation, …) cannot forget them.
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { HelpOptions } from '../cards/helpView';
import type { DiagnosisService } from '../diagnosis/service';
import type { AccessControl, Audience } from './access';
import type { RunStore } from './runs';

export interface BotServices {
  diagnosis: Pick<DiagnosisService, 'diagnose'>;
  access: AccessControl;
  runs: RunStore;
  help: HelpOptions;
}

/** The person behind the activity, as Teams identifies them. */
export interface Actor {
  /** Entra object id: what authorisation checks. */
  aadObjectId: string;
  name: string;
}

export interface Turn {
  ctx: TurnContext;
  services: BotServices;
  actor: Actor;
}

export interface CommandSpec {
  /** Tested against the message text with the bot's mention and markup removed. */
  pattern: RegExp;
  /** `anyone` only for commands that reveal nothing about the tenant, such as help. */
  audience: Audience | 'anyone';
  handle(turn: Turn, text: string): Promise<void>;
}

export interface CardActionSpec<TData = Record<string, unknown>> {
  verb: string;
  audience: Audience;
  /**
   * `data` is whatever the client sent: only ids are meaningful and none is
   * trusted. A string answer is shown under the card to the clicker only; a
   * card replaces the card for the clicker.
   */
  handle(turn: Turn, data: TData): Promise<AdaptiveCardJson | string>;
}

export interface BotFeature {
  commands?: CommandSpec[];
  cardActions?: Array<CardActionSpec<never>>;
}
