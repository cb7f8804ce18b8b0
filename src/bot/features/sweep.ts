/**
 * `sweep <group id | group name>`: who in a group can register a passkey
 * today, on a card that updates as the sweep runs (operators only). Cancel
 * is checked against the operator who started it, at the click.
 */
import { PasskeyDoctorError } from '../../errors/catalog';
import { VERBS } from '../../cards/verbs';
import type { z } from 'zod';
import { sweepData } from '../cardData';
import type { BotFeature, CardActionSpec } from '../feature';

/** The answer to a click whose sweep id is not one of ours (the workflow says the same for an id it does not know). */
const SWEEP_UNKNOWN = 'This sweep is not known to the bot.';

/** Longer than any group name Entra allows (256). */
const MAX_GROUP_TEXT = 256;

export function parseSweepCommand(text: string): string {
  const group = text.replace(/^sweep\b/i, '').trim().replace(/^["“]|["”]$/g, '').trim();
  if (!group) throw new PasskeyDoctorError('USAGE', 'sweepCommand');
  if (group.length > MAX_GROUP_TEXT || /[\u0000-\u001f]/.test(group)) {
    throw new PasskeyDoctorError('USAGE', 'sweepGroupTooLong', { max: MAX_GROUP_TEXT });
  }
  return group;
}

const cancel: CardActionSpec<z.infer<typeof sweepData>> = {
  verb: VERBS.sweepCancel,
  audience: 'operator',
  data: sweepData,
  misfit: SWEEP_UNKNOWN,
  handle: async ({ services, actor }, data) => {
    if (!services.sweeps) return 'Sweeps are not available in this bot.';
    return services.sweeps.cancel(data.sweepId, actor.id);
  },
};

export const sweepFeature: BotFeature = {
  commands: [
    {
      pattern: /^sweep\b/i,
      audience: 'operator',
      handle: async (turn, text) => {
        if (!turn.services.sweeps) throw new PasskeyDoctorError('USAGE', 'sweepUnavailable');
        await turn.services.sweeps.start(turn, parseSweepCommand(text));
      },
    },
  ],
  cardActions: [cancel],
};
