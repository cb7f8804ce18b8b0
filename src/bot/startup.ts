/**
 * Starts the bot: configuration → runtime (the sandbox tenant when none is
 * configured) → state store → services → adapter and HTTP server. Used by
 * `npm start`, the HTTP tests and the browser test alike.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/render';
import { noticeForError } from '../cards/noticeView';
import { loadConfig } from '../config/schema';
import { logger } from '../logger';
import { createRuntime, type Runtime } from '../wiring/runtime';
import { createListing, createStorage } from '../store/createStorage';
import { schedulePruning } from '../store/retention';
import { createAdapter, isAnonymous } from './adapter';
import { createBot } from './app';
import { readinessHandler } from './readiness';
import { createHttpApp, listen } from './server';
import { createBotServices } from './services';
import { createDigestScheduler } from './digestPosting';
import { botSettingsFor } from './settings';
import { sendCard } from './sendCard';

/** How long shutdown waits for pending records (App Service allows a few seconds after SIGTERM). */
const OUTBOX_GRACE_MS = 5_000;

export interface RunningBot {
  /** e.g. `http://127.0.0.1:3978`; the messaging endpoint is `${url}/api/messages`. */
  url: string;
  port: number;
  runtime: Runtime;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
}

async function reportTurnError(ctx: TurnContext, error: Error): Promise<void> {
  const reference = randomUUID().slice(0, 8);
  logger.error('bot turn crashed', { reference, error });
  if (ctx.activity.type === 'message') await sendCard(ctx, noticeCard(noticeForError(error, reference))).catch(() => undefined);
}

export async function startBot({ env = process.env, port }: StartOptions = {}): Promise<RunningBot> {
  const config = loadConfig(env);
  const runtime = await createRuntime(config, { env });
  try {
    const settings = botSettingsFor(runtime);
    const adapter = createAdapter(config.bot);
    adapter.onTurnError = reportTurnError;
    const storage = createStorage(config, env);
    let listeningUrl = '';
    const services = createBotServices(runtime, storage, { ...settings, listeningUrl: () => listeningUrl });
    const bot = createBot({ services, adapter, botAppId: config.bot.id });
    const anonymous = isAnonymous(config.bot);
    if (anonymous && config.graph.mode === 'tenant') {
      logger.warn('no BOT_ID: the bot accepts unauthenticated activities on loopback, so any local process can act as any user; set BOT_ID before sharing this machine');
    }
    if (runtime.sandbox && config.bot.id) {
      logger.warn('SANDBOX=on with a BOT_ID: Teams users of this bot are answered from the built-in demo tenant, and may switch persona with "as approver"');
    }
    const listening = await listen(
      createHttpApp(bot, adapter, readinessHandler(runtime.gateway.transport, storage), undefined, services.sweeps),
      anonymous ? '127.0.0.1' : '0.0.0.0',
      port ?? config.bot.port,
    );
    listeningUrl = listening.url;
    // Sweeps the previous process was running died with it: their cards must not say "running" for ever.
    void services.sweeps?.markInterrupted(adapter).then(
      (count) => count && logger.info('sweeps interrupted by the restart marked on their cards', { count }),
      (error) => logger.warn('could not mark interrupted sweeps', { error: String(error) }),
    );
    const digests = createDigestScheduler(adapter, config.bot.id ?? '', services);
    digests?.start();
    const pruning = schedulePruning(createListing(config, env), { runDays: config.runRetentionDays, auditDays: config.auditRetentionDays });
    return {
      url: listening.url,
      port: listening.port,
      runtime,
      close: async () => {
        pruning.stop();
        await digests?.stop();
        await listening.close();
        // Records of actions already taken get a last chance to land; a store that is still down is logged by the outbox.
        await Promise.race([services.actions.outbox.drain(), new Promise((resolve) => setTimeout(resolve, OUTBOX_GRACE_MS).unref())]);
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
