/**
 * The bot in process: teams-ai `Application` + botbuilder `TestAdapter`,
 * against a runtime on the real sandbox tenant (over loopback HTTP).
 * `adapter.activeQueue` is the chat as everyone sees it: updates replace
 * the message they update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, INVOKE_RESPONSE_KEY, TestAdapter, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { loadConfig } from '../../src/config/schema';
import { createRuntime, type Runtime } from '../../src/wiring/runtime';
import { createBot } from '../../src/bot/app';
import { createBotServices, type BotSettings } from '../../src/bot/services';
import { botSettingsFor } from '../../src/bot/settings';
import type { BotFeature, BotServices } from '../../src/bot/feature';
import { FEATURES } from '../../src/bot/features';
import { FileStorage } from '../../src/store/fileStorage';
import { setLogSink } from '../../src/logger';
import { SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';

/**
 * botbuilder's TestAdapter with what CloudAdapter does and it does not:
 * a handler's own invoke response is recorded in turn state (else teams-ai
 * would answer a second time, in tests only — docs/teams-stack.md §3), and
 * proactive posts to other conversations work. `shared` records every
 * activity posted or updated in any conversation, in order: everything that
 * is not the answer to one person's click.
 */
export class TeamsTestAdapter extends TestAdapter {
  readonly shared: Array<Partial<Activity> & { op: 'post' | 'update' }> = [];

  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]) {
    for (const activity of activities) if (activity.type === ActivityTypes.InvokeResponse) ctx.turnState.set(INVOKE_RESPONSE_KEY, activity);
    const sent = await super.sendActivities(ctx, activities);
    // After sending, so that the copies carry the ids the adapter gave them.
    for (const activity of activities) if (activity.type !== ActivityTypes.InvokeResponse) this.shared.push({ ...activity, op: 'post' });
    return sent;
  }

  async updateActivity(ctx: TurnContext, activity: Partial<Activity>) {
    this.shared.push({ ...activity, op: 'update' });
    return super.updateActivity(ctx, activity);
  }

  async continueConversationAsync(
    _botAppIdOrIdentity: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: ((ctx: TurnContext) => Promise<void>) | string,
    maybeLogic?: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic!;
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'ContinueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Teams' one-to-one chat with the member: conversation `personal:<member id>`. */
  async createConversationAsync(
    _botAppId: string,
    channelId: string,
    serviceUrl: string,
    _audience: string,
    parameters: ConversationParameters,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    const member = parameters.members?.[0];
    const reference: Partial<ConversationReference> = {
      channelId,
      serviceUrl,
      bot: parameters.bot,
      user: member,
      conversation: { id: `personal:${member?.id}`, conversationType: 'personal', isGroup: false, name: '' },
    };
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'CreateConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

export interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

export const OPERATOR: Person = { id: '29:operator', name: SANDBOX_USERS.operator.displayName, aadObjectId: SANDBOX_USERS.operator.id };
export const NON_OPERATOR: Person = { id: '29:carol', name: SANDBOX_USERS.ready.displayName, aadObjectId: SANDBOX_USERS.ready.id };

export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: any;
}

export interface BotHarness {
  runtime: Runtime;
  services: BotServices;
  sandbox: SandboxServer;
  adapter: TeamsTestAdapter;
  stateDir: string;
  /** Log lines written while the harness was open (JSON). */
  logs: string[];
  /** Sends a message; resolves with what the bot sent during that turn. */
  say(text: string, from?: Person, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Clicks an Action.Execute button on the message `replyToId`; resolves with the invoke answer (or undefined if none). */
  click(verb: string, data: Record<string, unknown>, replyToId?: string, from?: Person, extra?: Partial<Activity>): Promise<InvokeAnswer | undefined>;
  close(): Promise<void>;
}

export const cardsIn = (activities: Partial<Activity>[]) =>
  activities.filter((a) => a.type === 'message').flatMap((a) => (a.attachments ?? []).map((att) => att.content));

export async function botHarness(options: { features?: BotFeature[]; env?: NodeJS.ProcessEnv; settings?: Partial<BotSettings> } = {}): Promise<BotHarness> {
  const logs: string[] = [];
  const previousSink = setLogSink((line) => logs.push(line));
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-bot-'));
  const env = { STATE_STORE: `file:${stateDir}`, ...options.env };
  const runtime = await createRuntime(loadConfig(env), {
    env,
    retry: { backoffMs: [1, 1, 1], maxThrottleRetries: 2, maxRetryAfterMs: 50, sleep: async () => undefined },
  });
  const services = createBotServices(runtime, new FileStorage(stateDir), { ...botSettingsFor(runtime), ...options.settings });
  const bot = createBot({ services, startTypingTimer: false, features: options.features ?? FEATURES });
  const adapter = new TeamsTestAdapter(undefined, { channelId: 'msteams' });

  async function run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(activity, async (ctx) => {
      await bot.run(ctx);
    });
    return adapter.activeQueue.slice(before);
  }

  return {
    runtime,
    services,
    sandbox: runtime.sandbox!,
    adapter,
    stateDir,
    logs,
    say: (text, from = OPERATOR, extra = {}) => run({ type: 'message', text, from, ...extra }),
    click: async (verb, data, replyToId, from = OPERATOR, extra = {}) => {
      // Read from this turn's state, not the queue, so that clicks may race.
      let answer: InvokeAnswer | undefined;
      await adapter.processActivity(
        { type: 'invoke', name: 'adaptiveCard/action', from, replyToId, value: { action: { type: 'Action.Execute', verb, data } }, ...extra },
        async (ctx) => {
          await bot.run(ctx);
          answer = (ctx.turnState.get(INVOKE_RESPONSE_KEY) as Partial<Activity> | undefined)?.value?.body;
        },
      );
      return answer;
    },
    close: async () => {
      // A test may have stopped the sandbox already to make Graph unreachable.
      await runtime.close().catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ERR_SERVER_NOT_RUNNING') throw error;
      });
      setLogSink(previousSink);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
