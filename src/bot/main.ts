#!/usr/bin/env node
/**
 * `npm start`. With nothing configured: the bot on the sandbox tenant and the
 * Microsoft 365 Agents Playground wired to it, signed in as the sandbox's
 * help-desk operator — one URL to open. With PLAYGROUND=off or any real
 * configuration (a tenant, a Graph emulator, a bot identity): the bot alone,
 * which is what App Service runs.
 */
import { loadConfig, type AppConfig } from '../config/schema';
import { ERRORS, isPasskeyDoctorError } from '../errors/catalog';
import { SANDBOX_USERS } from '../sandbox';
import { startPlayground, type RunningPlayground } from './playground';
import { sandboxPlaygroundPeople } from './settings';
import { startTelemetry } from '../telemetry/start';
import { startBot, type RunningBot } from './startup';

const wantsPlayground = (config: AppConfig) => config.playground && config.graph.mode === 'sandbox' && !config.bot.id;

function banner(playgroundUrl: string): string {
  return [
    '',
    'Passkey Doctor is running on the built-in sandbox tenant (Contoso), signed in as its help-desk operator.',
    '',
    `  Open ${playgroundUrl} and type:  diagnose ${SANDBOX_USERS.noMfaMethod.userPrincipalName}`,
    '',
    `To approve a Temporary Access Pass there, type  as approver  (and  as operator  to be the operator again).`,
    `Other demo users: ${[SANDBOX_USERS.excluded, SANDBOX_USERS.mfaStale, SANDBOX_USERS.authenticatorBlocked, SANDBOX_USERS.ready].map((u) => u.userPrincipalName).join(', ')}. Ctrl+C stops.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const withPlayground = wantsPlayground(config);
  // The demo's terminal is for the banner; routine JSON logs stay quiet unless asked for.
  if (withPlayground) process.env.LOG_LEVEL ??= 'warn';
  const telemetry = await startTelemetry(process.env);
  const bot: RunningBot = await startBot({ env: process.env });
  let playground: RunningPlayground | undefined;
  let stopping: Promise<void> | undefined;
  // Ctrl+C reaches npm, sh and node at once; the first signal stops everything, later ones wait for it.
  const stop = () => {
    stopping ??= Promise.allSettled([playground?.stop(), bot.close()])
      .then(() => telemetry.shutdown())
      .finally(() => process.exit(0));
    return stopping;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!withPlayground) {
    process.stdout.write(`Passkey Doctor bot listening at ${bot.url}/api/messages (Graph: ${config.graph.mode}).\n`);
    if (config.graph.mode === 'sandbox' && config.bot.id) {
      process.stderr.write('passkey-doctor: SANDBOX=on — Teams users of this bot see the built-in demo tenant (Contoso), not yours, and may type "as approver".\n');
    }
    return;
  }
  try {
    playground = await startPlayground({ endpoint: `${bot.url}/api/messages`, ...sandboxPlaygroundPeople(), port: config.playgroundPort });
  } catch (error) {
    await bot.close();
    throw error;
  }
  process.stdout.write(banner(playground.url));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);

  process.stderr.write(`passkey-doctor: ${message}\n`);
  process.exitCode = isPasskeyDoctorError(error) ? ERRORS[error.code].exitCode : 1;
});
