/**
 * A turn as the action workflows see it: who clicked (their Entra object id,
 * which the workflows check against the groups again), where, and which
 * diagnosis the clicked card belongs to — looked up by the card's run id in
 * this conversation only, never taken from card data.
 */
import type { Person } from '../model/people';
import type { ClickContext } from '../actions/approvalRequest';
import type { Turn } from './feature';
import type { RunRecord } from './runs';

export const STALE_CARD = 'This card is no longer available here; type diagnose followed by the user principal name to start again.';

export const personOf = ({ actor }: Turn): Person => actor;

export const whereOf = ({ ctx }: Turn): ClickContext => ({ conversationId: ctx.activity.conversation.id });

export const runOf = ({ ctx, services }: Turn, runId: string): Promise<RunRecord | undefined> =>
  services.runs.find(runId, ctx.activity.conversation.id);
