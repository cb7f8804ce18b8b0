/** What the bot's features share, built once at start-up from the runtime and the state store. */
import type { Storage } from 'botbuilder';
import { createActionServices } from '../actions/actionServices';
import type { HelpOptions } from '../cards/helpView';
import type { Runtime } from '../runtime';
import { ApprovalsRoutes } from '../store/approvalsRoute';
import { OpenRequests } from '../store/openRequests';
import { VersionedStore } from '../store/versionedStore';
import { PolicyCheckService } from '../tenant/policyCheck/service';
import { AccessControl } from './access';
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

export function createBotServices(runtime: Pick<Runtime, 'config' | 'gateway' | 'service'>, storage: Storage, settings: BotSettings): BotServices {
  return {
    diagnosis: runtime.service,
    policyCheck: new PolicyCheckService(runtime.gateway, { id: runtime.config.graph.credential?.tenantId ?? null, displayName: null }),
    access: new AccessControl(runtime.gateway, { operators: settings.operatorsGroupId, tapApprovers: settings.tapApproversGroupId }, settings.accessCacheMs),
    runs: new RunStore(storage),
    // The same groups as the guard's, sandbox defaults included; the workflows ask Graph again at every click, uncached.
    actions: createActionServices({
      config: runtime.config,
      storage,
      gateway: runtime.gateway,
      groups: { operators: settings.operatorsGroupId, approvers: settings.tapApproversGroupId },
    }),
    botAppId: runtime.config.bot.id ?? '',
    help: settings.help,
    approvalsRoute: new ApprovalsRoutes(new VersionedStore(storage)),
    openRequests: new OpenRequests(new VersionedStore(storage)),
    ...(settings.approvalsInPersonalChat ? { approvalsInPersonalChat: true } : {}),
    ...(settings.sandboxPersonas ? { actingAs: new ActingAs(settings.sandboxPersonas) } : {}),
    clickBudgetMs: runtime.config.clickBudgetMs,
    reports: runtime.gateway,
    sweeps: new SweepRunner({
      sweep: new SweepService(() => runtime.gateway.sweepReads()),
      records: new SweepRecords(new VersionedStore(storage)),
      botAppId: runtime.config.bot.id ?? '',
      csvTtlMs: runtime.config.sweepCsvHours * 3_600_000,
      publicUrl: () => runtime.config.botPublicUrl ?? settings.listeningUrl?.() ?? `http://127.0.0.1:${runtime.config.bot.port}`,
    }),
  };
}
