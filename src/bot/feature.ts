/**
 * How the bot is extended: a feature is a list of commands and card actions,
 * each a small declarative spec (who may use it, what it matches, what it
 * does). `createBot` wraps every spec with the same authorisation, error
 * cards and logging, so a new feature (TAP, escalation, …) cannot forget them.
 */
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { ActionServices } from '../actions/actionServices';
import type { AdaptiveCardJson } from '../cards/render';
import type { HelpOptions } from '../cards/helpView';
import type { DiagnosisService } from '../diagnosis/service';
import type { PolicyCheckService } from '../tenant/policyCheck/service';
import type { RegistrationReportService } from '../tenant/report/service';
import type { DigestSchedule } from '../config/digestSchedule';
import type { DigestStore } from '../store/digests';
import type { CachedAccessCheck } from './access';
import type { ChannelRoutes } from '../store/routes';
import type { ActingAs } from './actingAs';
import type { Person, Role } from '../model/people';
import type { RunStore } from './runs';
import type { ReportsStatusSource } from './waitReason';
import type { SweepRunner } from './sweepRunner';

export interface BotServices {
  diagnosis: Pick<DiagnosisService, 'diagnose'>;
  policyCheck: Pick<PolicyCheckService, 'check'>;
  access: CachedAccessCheck;
  runs: RunStore;
  /** TAP, passkey removal, escalation and the audit trail: they check roles and state themselves. */
  actions: ActionServices;
  /** The bot's app id for posting to other conversations (escalations); empty when anonymous. */
  botAppId: string;
  help: HelpOptions;
  /** Registered channels; here the one where requests made in personal chats wait (`route approvals here`). */
  routes: ChannelRoutes;
  /** Sandbox only: requests in a personal chat wait there, for the same person `as approver`. */
  approvalsInPersonalChat?: boolean;
  /** Sandbox only (set by start-up wiring): `as approver` / `as operator`. */
  actingAs?: ActingAs;
  /** CLICK_BUDGET_MS: a click that takes longer answers "still working" and finishes privately. */
  clickBudgetMs: number;
  /** The reports scheduler's status, for what a slow diagnosis says it waits for. */
  reports?: ReportsStatusSource;
  /** The registration report and the weekly digest (`report`, `route digest here`). */
  digest?: { report: Pick<RegistrationReportService, 'report'>; store: DigestStore; schedule: DigestSchedule | 'off' };
  /** `sweep <group>`: long-running sweeps and their cards. */
  sweeps?: SweepRunner;
}

export interface Turn {
  ctx: TurnContext;
  services: BotServices;
  actor: Person;
}

export interface CommandSpec {
  /** Tested against the message text with the bot's mention and markup removed. */
  pattern: RegExp;
  /** `anyone` only for commands that reveal nothing about the tenant, such as help. */
  audience: Role | 'anyone';
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

export interface CardActionSpec<TData> {
  verb: string;
  audience: Role;
  /** What `data` must hold (src/bot/cardData.ts); the guard parses it, so `handle` sees only what fits. */
  data: z.ZodType<TData, z.ZodTypeDef, unknown>;
  /** The clicker's answer when the data does not fit: the card is stale, or not one of ours. */
  misfit: string;
  /**
   * `data` holds ids of the right shape, none of them trusted: the store and
   * the workflows decide what they name. A string is a line for the clicker only.
   */
  handle(turn: Turn, data: TData): Promise<ClickReply | string>;
}

export interface BotFeature {
  commands?: CommandSpec[];
  /** Each spec's `data` schema and `handle` agree by construction, so the list may hold them as `unknown`. */
  cardActions?: Array<CardActionSpec<unknown>>;
}
