/**
 * The bot in process: teams-ai `Application` + botbuilder `TestAdapter`,
 * against a runtime on the real sandbox tenant (over loopback HTTP).
 * `adapter.activeQueue` is the chat as everyone sees it: updates replace
 * the message they update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, INVOKE_RESPONSE_KEY, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config/schema';
import { createRuntime, type Runtime } from '../../src/runtime';
import { createBot } from '../../src/bot/app';
import { createBotServices } from '../../src/bot/services';
import { botSettingsFor } from '../../src/bot/settings';
import type { BotFeature } from '../../src/bot/feature';
import { FEATURES } from '../../src/bot/features';
import { FileStorage } from '../../src/store/fileStorage';
import { setLogSink } from '../../src/logger';
import { SANDBOX_USERS, type SandboxServer } from '../../src/sandbox';

/**
 * botbuilder's TestAdapter does not record a handler's own invoke response in
 * turn state as CloudAdapter does, so teams-ai would answer a second time in
 * tests only (teams-stack.md §3).
 */
export class TeamsTestAdapter extends TestAdapter {
  async sendActivities(ctx: TurnContext, activities: Partial<Activity>[]) {
    for (const activity of activities) if (activity.type === ActivityTypes.InvokeResponse) ctx.turnState.set(INVOKE_RESPONSE_KEY, activity);
    return super.sendActivities(ctx, activities);
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

export async function botHarness(options: { features?: BotFeature[]; env?: NodeJS.ProcessEnv } = {}): Promise<BotHarness> {
  const logs: string[] = [];
  const previousSink = setLogSink((line) => logs.push(line));
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-bot-'));
  const env = { STATE_STORE: `file:${stateDir}`, ...options.env };
  const runtime = await createRuntime(loadConfig(env), {
    env,
    retry: { backoffMs: [1, 1, 1], maxThrottleRetries: 2, maxRetryAfterMs: 50, sleep: async () => undefined },
  });
  const services = createBotServices(runtime, new FileStorage(stateDir), botSettingsFor(runtime));
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
    sandbox: runtime.sandbox!,
    adapter,
    stateDir,
    logs,
    say: (text, from = OPERATOR, extra = {}) => run({ type: 'message', text, from, ...extra }),
    click: async (verb, data, replyToId, from = OPERATOR, extra = {}) => {
      const sent = await run({
        type: 'invoke',
        name: 'adaptiveCard/action',
        from,
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data } },
        ...extra,
      });
      return sent.find((a) => a.type === ActivityTypes.InvokeResponse)?.value?.body;
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
