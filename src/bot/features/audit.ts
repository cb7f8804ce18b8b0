/** `audit <upn>`: the last 20 entries of the user's audit trail (operators only, like everything about a user). */
import { auditCard } from '../../cards/render';
import { parseAuditCommand } from '../commandText';
import type { BotFeature } from '../feature';
import { sendCard } from '../sendCard';

const ENTRIES_SHOWN = 20;

export const auditFeature: BotFeature = {
  commands: [
    {
      pattern: /^audit\b/i,
      audience: 'operator',
      handle: async ({ ctx, services }, text) => {
        const upn = parseAuditCommand(text);
        await sendCard(ctx, auditCard(upn, await services.actions.audit.recent(upn, ENTRIES_SHOWN)));
      },
    },
  ],
};
