/**
 * Memory over many diagnoses: `diagnose` messages through the in-process bot
 * on the sandbox tenant with a file state store, as a busy help desk would
 * send them, sampling the process's resident set (RSS) and heap. The figure
 * that matters is steady RSS while busy: what App Service's memory limit sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { createBot } from '../bot/app';
import { createBotServices } from '../bot/services';
import { botSettingsFor } from '../bot/settings';
import { loadConfig } from '../config/schema';
import { setLogSink } from '../logger';
import { createRuntime } from '../wiring/runtime';
import { FileStorage } from '../store/fileStorage';
import { BENCH_OPERATOR, BENCH_USERS } from './benchPeople';
import { mb } from './figures';

export interface MemoryFigures {
  diagnoses: number;
  startMb: number;
  peakMb: number;
  steadyMb: number;
  heapMb: number;
  msPerDiagnosis: number;
}


export async function benchMemory(diagnoses = 500): Promise<MemoryFigures> {
  const restoreLogs = setLogSink(() => undefined);
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-memory-'));
  const env = { STATE_STORE: `file:${stateDir}` };
  const runtime = await createRuntime(loadConfig(env), { env });
  try {
    const bot = createBot({
      services: createBotServices(runtime, new FileStorage(stateDir), botSettingsFor(runtime)),
      startTypingTimer: false,
    });
    const adapter = new TestAdapter(undefined, { channelId: 'msteams' });
    const operator = BENCH_OPERATOR;
    const users = BENCH_USERS;
    const startMb = mb(process.memoryUsage().rss);
    let peak = startMb;
    const lateSamples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < diagnoses; i += 1) {
      // The TestAdapter keeps every reply it was sent, the sandbox every request; a real deployment has neither.
      adapter.activeQueue.length = 0;
      runtime.sandbox?.clearLog();
      await adapter.processActivity(
        { type: 'message', text: `diagnose ${users[i % users.length].userPrincipalName}`, from: operator } as Partial<Activity>,
        (ctx) => bot.run(ctx),
      );
      if (i % 10 === 9) {
        const rss = mb(process.memoryUsage().rss);
        peak = Math.max(peak, rss);
        if (i >= diagnoses / 2) lateSamples.push(rss);
      }
    }
    const elapsed = performance.now() - started;
    return {
      diagnoses,
      startMb,
      peakMb: peak,
      steadyMb: Math.round(lateSamples.reduce((a, b) => a + b, 0) / Math.max(1, lateSamples.length)),
      heapMb: mb(process.memoryUsage().heapUsed),
      msPerDiagnosis: Math.round(elapsed / diagnoses),
    };
  } finally {
    await runtime.close();
    rmSync(stateDir, { recursive: true, force: true });
    setLogSink(restoreLogs);
  }
}
