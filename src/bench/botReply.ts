/**
 * Bot reply time: a `diagnose` message in → the verdict card posted, through
 * the in-process adapter (no HTTP to Teams), on the sandbox tenant with
 * 100 ms of latency per Graph round trip. Cold is the first message of a
 * fresh bot (membership check, tenant snapshot, user batch); warm is the
 * median of later ones, which should cost one round trip: the user batch.
 */
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../bot/app';
import { createBotServices } from '../bot/services';
import { botSettingsFor } from '../bot/settings';
import { loadConfig } from '../config/schema';
import { setLogSink } from '../logger';
import { createRuntime } from '../wiring/runtime';
import { PasskeyDoctorError } from '../errors/catalog';
import { BENCH_OPERATOR, BENCH_USERS } from './benchPeople';
import { median } from './figures';

const LATENCY_MS = 100;
const WARM_RUNS = 5;

export async function benchBotReply(): Promise<{ coldMs: number; warmMs: number; warmRoundTrips: number }> {
  const restoreLogs = setLogSink(() => undefined);
  const runtime = await createRuntime(loadConfig({}), { env: {} });
  try {
    const sandbox = runtime.sandbox!;
    sandbox.setFaults({ latencyMs: LATENCY_MS, rules: [] });
    const bot = createBot({ services: createBotServices(runtime, new MemoryStorage(), botSettingsFor(runtime)), startTypingTimer: false });
    const adapter = new TestAdapter(undefined, { channelId: 'msteams' });
    const operator = BENCH_OPERATOR;

    /** Milliseconds from the activity arriving to the card being sent, and the Graph round trips in between. */
    const reply = async (upn: string): Promise<{ ms: number; roundTrips: number }> => {
      sandbox.clearLog();
      const started = performance.now();
      let postedAt: number | undefined;
      await adapter.processActivity({ type: 'message', text: `diagnose ${upn}`, from: operator } as Partial<Activity>, async (ctx) => {
        ctx.onSendActivities(async (_ctx, activities, next) => {
          if (activities.some((a) => a.type === 'message' && a.attachments?.length)) postedAt ??= performance.now();
          return next();
        });
        await bot.run(ctx);
      });
      if (postedAt === undefined) throw new PasskeyDoctorError('INTERNAL', 'benchNoCard', { upn });
      return { ms: Math.round(postedAt - started), roundTrips: sandbox.requestLog.filter((r) => !r.inner).length };
    };

    // The first user goes cold; the warm runs start with the next one and come round to it last.
    const [first, ...rest] = BENCH_USERS;
    const cold = await reply(first.userPrincipalName);
    const warm: Array<{ ms: number; roundTrips: number }> = [];
    const users = [...rest, first];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await reply(users[i % users.length].userPrincipalName));
    return { coldMs: cold.ms, warmMs: median(warm.map((w) => w.ms)), warmRoundTrips: Math.max(...warm.map((w) => w.roundTrips)) };
  } finally {
    await runtime.close();
    setLogSink(restoreLogs);
  }
}
