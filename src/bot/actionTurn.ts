/**
 * A turn as the action workflows see it: who clicked (their Entra object id,
 * which the workflows check against the groups again), where, and which
 * diagnosis the clicked card belongs to — looked up by the card's run id in
 * this conversation only, never taken from card data.
 */
import type { Person } from '../actions/access';
import type { ClickContext } from '../actions/approvalRequest';
import type { Turn } from './feature';
import type { DiagnosisRun } from './runs';

export const STALE_CARD = 'This card is no longer available here; type diagnose followed by the user principal name to start again.';

export const personOf = ({ actor }: Turn): Person => ({ id: actor.aadObjectId, name: actor.name });

export const whereOf = ({ ctx }: Turn): ClickContext => ({ conversationId: ctx.activity.conversation.id });

export const runOf = ({ ctx, services }: Turn, runId: unknown): Promise<DiagnosisRun | undefined> =>
  services.runs.find(runId, ctx.activity.conversation.id);
