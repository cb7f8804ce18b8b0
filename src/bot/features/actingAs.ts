/**
 * `as approver` / `as operator`: on the sandbox tenant, who the bot treats
 * as typing in this conversation from now on (see ../actingAs.ts). Anyone
 * may type it — switching back from the approver, who is not an operator,
 * must work — and every use is audited, refusals included: outside the
 * sandbox it is refused, because there a person is who Teams says.
 */
import { auditStep } from '../../actions/auditStep';
import { PasskeyDoctorError } from '../../errors/catalog';
import { logger } from '../../logger';
import type { BotFeature } from '../feature';
import { senderOf } from '../guard';

const ROLE = /^as\s+(\S+)\s*$/i;

export const actingAsFeature: BotFeature = {
  commands: [
    {
      pattern: /^as\b/i,
      audience: 'anyone',
      handle: async ({ ctx, services, actor }, text) => {
        const typed = ROLE.exec(text)?.[1] ?? '';
        const real = senderOf(ctx);
        const time = new Date();
        if (!services.actingAs) {
          logger.warn('sandbox-only command refused', { command: 'as', role: typed, actor: real.id });
          const self = { id: null, target: { id: real.id || null, userPrincipalName: real.id || 'unknown' }, rootCause: null };
          await auditStep(services.actions.audit, 'sandbox.acting-as-refused', real, self, `as ${typed}`.slice(0, 60), time);
          throw new PasskeyDoctorError('NOT_AUTHORISED', 'actingAs');
        }
        const persona = services.actingAs.persona(typed);
        if (!persona) {
          throw new PasskeyDoctorError('USAGE', 'actingAsCommand', { choices: services.actingAs.roles.map((r) => `"as ${r}"`).join(' or ') });
        }
        services.actingAs.choose(ctx, real, persona);
        logger.warn('sandbox: acting as another person', { role: persona.role, persona: persona.aadObjectId, actor: real.id, was: actor.id });
        const chosen = { id: null, target: { id: persona.aadObjectId, userPrincipalName: persona.userPrincipalName }, rootCause: null };
        await auditStep(services.actions.audit, 'sandbox.acting-as', real, chosen, `sandbox: typing as the ${persona.role}`, time);
        await ctx.sendActivity(`Sandbox: you are now ${persona.name} (${persona.userPrincipalName}, the ${persona.role}) in this conversation. Type ${services.actingAs.roles.filter((r) => r !== persona.role).map((r) => `"as ${r}"`).join(' or ')} to switch back.`);
      },
    },
  ],
};
