/**
 * The Bot Framework adapter with the bot's identity (Teams Toolkit names:
 * BOT_ID, BOT_PASSWORD, BOT_TYPE, BOT_TENANT_ID). Single-tenant or
 * user-assigned managed identity; with no BOT_ID it is anonymous, which the
 * server only allows on loopback.
 */
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppConfig } from '../config/schema';
import { PasskeyDoctorError } from '../errors/catalog';

export function createAdapter(bot: AppConfig['bot']): TeamsAdapter {
  if (!bot.id) return new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
  if (!bot.type) {
    // New multi-tenant bot registrations are no longer possible, so there is no default to fall back to.
    throw new PasskeyDoctorError('CONFIG_INVALID', 'botType', {}, { details: { variable: 'BOT_TYPE' } });
  }
  const auth = {
    MicrosoftAppId: bot.id,
    MicrosoftAppType: bot.type,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
  };
  return new TeamsAdapter(auth, new ConfigurationServiceClientCredentialFactory(auth));
}

export const isAnonymous = (bot: AppConfig['bot']): boolean => !bot.id;
