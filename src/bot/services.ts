/** What the bot's features share, built once at start-up from the runtime and the state store. */
import type { Storage } from 'botbuilder';
import { createActionServices } from '../actions/actionServices';
import type { HelpOptions } from '../cards/helpView';
import type { Runtime } from '../runtime';
import { AccessControl } from './access';
import type { BotServices } from './feature';
import { RunStore } from './runs';

export interface BotSettings {
  operatorsGroupId: string;
  tapApproversGroupId?: string;
  help: HelpOptions;
  /** How long a membership answer is trusted; Graph is asked again after it. */
  accessCacheMs?: number;
}

export function createBotServices(runtime: Pick<Runtime, 'config' | 'gateway' | 'service'>, storage: Storage, settings: BotSettings): BotServices {
  return {
    diagnosis: runtime.service,
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
    reports: runtime.gateway,
  };
}
