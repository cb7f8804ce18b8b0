/**
 * How the bot is extended: a feature is a list of commands and card actions,
 * each a small declarative spec (who may use it, what it matches, what it
 * does). `createBot` wraps every spec with the same authorisation, error
 * cards and logging, so a new feature (TAP, escalation, …) cannot forget them.
 */
import type { TurnContext } from 'botbuilder';
import type { ActionServices } from '../actions/actionServices';
import type { AdaptiveCardJson } from '../cards/render';
import type { HelpOptions } from '../cards/helpView';
import type { DiagnosisService } from '../diagnosis/service';
import type { PolicyCheckService } from '../tenant/policyCheck/service';
import type { AccessControl, Audience } from './access';
import type { ApprovalsRoutes } from '../store/approvalsRoute';
import type { OpenRequests } from '../store/openRequests';
import type { ActingAs } from './actingAs';
import type { RunStore } from './runs';
import type { ReportsStatusSource } from './waitReason';
import type { SweepRunner } from './sweepRunner';

export interface BotServices {
  diagnosis: Pick<DiagnosisService, 'diagnose'>;
  policyCheck: Pick<PolicyCheckService, 'check'>;
  access: AccessControl;
  runs: RunStore;
  /** TAP, passkey removal, escalation and the audit trail: they check roles and state themselves. */
  actions: ActionServices;
  /** The bot's app id for posting to other conversations (escalations); empty when anonymous. */
  botAppId: string;
  help: HelpOptions;
  /** The channel where requests made in personal chats wait (`route approvals here`). */
  approvalsRoute: ApprovalsRoutes;
  /** The latest request per user and kind, to refuse a second open one. */
  openRequests: OpenRequests;
  /** Sandbox only: requests in a personal chat wait there, for the same person `as approver`. */
  approvalsInPersonalChat?: boolean;
  /** Sandbox only (set by start-up wiring): `as approver` / `as operator`. */
  actingAs?: ActingAs;
  /** CLICK_BUDGET_MS: a click that takes longer answers "still working" and finishes privately. */
  clickBudgetMs: number;
  /** The reports scheduler's status, for what a slow diagnosis says it waits for. */
  reports?: ReportsStatusSource;
  /** `sweep <group>`: long-running sweeps and their cards. */
  sweeps?: SweepRunner;
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

/**
 * What a click shows. `clicker`: for the person who clicked only — a line
 * under the card, or a card in its place. `everyone`: a new version of the
 * clicked card for the whole conversation; it must hold nothing that only
 * the clicker may see.
 */
export interface ClickReply {
  clicker: AdaptiveCardJson | string;
  everyone?: AdaptiveCardJson;
}

export interface CardActionSpec<TData = Record<string, unknown>> {
  verb: string;
  audience: Audience;
  /**
   * `data` is whatever the client sent: only ids are meaningful and none is
   * trusted. A string is a line for the clicker only.
   */
  handle(turn: Turn, data: TData): Promise<ClickReply | string>;
}

export interface BotFeature {
  commands?: CommandSpec[];
  cardActions?: Array<CardActionSpec<never>>;
}
