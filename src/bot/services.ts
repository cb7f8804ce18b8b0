/** What the bot's features share, built once at start-up from the runtime and the state store. */
import type { Storage } from 'botbuilder';
import { createActionServices } from '../actions/actionServices';
import type { HelpOptions } from '../cards/helpView';
import type { Runtime } from '../wiring/runtime';
import { ChannelRoutes } from '../store/routes';
import { VersionedStore } from '../store/versionedStore';
import { PolicyCheckService } from '../tenant/policyCheck/service';
import { RegistrationReportService } from '../tenant/report/service';
import { DigestStore } from '../store/digests';
import { CachedAccessCheck } from './access';
import { ActingAs, type Persona } from './actingAs';
import type { BotServices } from './feature';
import { RunStore } from './runs';
import { SweepRecords } from '../store/sweepRecords';
import { SweepService } from '../tenant/sweep/service';
import { SweepRunner } from './sweepRunner';

export interface BotSettings {
  operatorsGroupId: string;
  tapApproversGroupId?: string;
  help: HelpOptions;
  /** How long a membership answer is trusted; Graph is asked again after it. */
  accessCacheMs?: number;
  /** Sandbox only: the people `as <role>` may switch to. Absent, the command is refused. */
  sandboxPersonas?: Persona[];
  /** Sandbox only: approve requests in the personal chat they were made in. */
  approvalsInPersonalChat?: boolean;
  /** The bot's address for CSV links when BOT_PUBLIC_URL is not set (start-up sets it once listening). */
  listeningUrl?: () => string;
}

export function createBotServices(
  runtime: Pick<Runtime, 'config' | 'gateway' | 'service'> & Partial<Pick<Runtime, 'report'>>,
  storage: Storage,
  settings: BotSettings,
): BotServices {
  // The workflows ask Graph at every click, uncached; the guard asks the same check through a short cache.
  const actions = createActionServices({
    config: runtime.config,
    storage,
    gateway: runtime.gateway,
    groups: { operators: settings.operatorsGroupId, approvers: settings.tapApproversGroupId },
  });
  return {
    diagnosis: runtime.service,
    policyCheck: new PolicyCheckService(runtime.gateway, { id: runtime.config.graph.credential?.tenantId ?? null, displayName: null }),
    access: new CachedAccessCheck(actions.access, settings.accessCacheMs),
    runs: new RunStore(storage),
    actions,
    botAppId: runtime.config.bot.id ?? '',
    help: settings.help,
    routes: new ChannelRoutes(new VersionedStore(storage)),
    ...(settings.approvalsInPersonalChat ? { approvalsInPersonalChat: true } : {}),
    ...(settings.sandboxPersonas ? { actingAs: new ActingAs(settings.sandboxPersonas) } : {}),
    clickBudgetMs: runtime.config.clickBudgetMs,
    reports: runtime.gateway,
    digest: {
      report: runtime.report ?? new RegistrationReportService({ kind: 'events', source: runtime.gateway }),
      store: new DigestStore(new VersionedStore(storage)),
      schedule: runtime.config.digestSchedule,
    },
    sweeps: new SweepRunner({
      sweep: new SweepService(() => runtime.gateway.sweepReads()),
      records: new SweepRecords(new VersionedStore(storage)),
      botAppId: runtime.config.bot.id ?? '',
      csvTtlMs: runtime.config.sweepCsvHours * 3_600_000,
      publicUrl: () => runtime.config.botPublicUrl ?? settings.listeningUrl?.() ?? `http://127.0.0.1:${runtime.config.bot.port}`,
    }),
  };
}
