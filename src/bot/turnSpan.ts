/** One telemetry span per activity: its type, the clicked verb or command word, and who (hashed). */
import type { TurnContext } from 'botbuilder';
import { hashUser, inSpan } from '../telemetry/instruments';

export function inTurnSpan(ctx: TurnContext, work: () => Promise<void>): Promise<void> {
  const { activity } = ctx;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  const aadObjectId = activity.from?.aadObjectId;
  return inSpan(
    `bot ${activity.type}`,
    {
      'activity.type': String(activity.type),
      ...(typeof verb === 'string' ? { 'turn.verb': verb.slice(0, 40) } : {}),
      'enduser.hash': hashUser(typeof aadObjectId === 'string' ? aadObjectId : ''),
    },
    work,
  );
}
