/**
 * A turn as the action workflows see it: who clicked (their Entra object id,
 * which the workflows check against the groups again), where, and which
 * diagnosis the clicked card belongs to — looked up by the card's run id in
 * this conversation only, never taken from card data.
 */
import type { ClickContext } from '../actions/approvalRequest';
import type { z } from 'zod';
import type { Role } from '../model/people';
import type { CardActionSpec, ClickReply, Turn } from './feature';
import type { RunRecord } from './runs';

export const STALE_CARD = 'This card is no longer available here; type diagnose followed by the user principal name to start again.';

export const whereOf = ({ ctx }: Turn): ClickContext => ({ conversationId: ctx.activity.conversation.id });

const SHARED_CONVERSATIONS = new Set(['channel', 'groupChat']);

/** A channel or group chat: what the bot posts here reaches more than the person typing (a route may be registered here). */
export const inSharedConversation = ({ ctx }: Turn): boolean => SHARED_CONVERSATIONS.has(ctx.activity.conversation.conversationType ?? '');

export const runOf = ({ ctx, services }: Turn, runId: string): Promise<RunRecord | undefined> =>
  services.runs.find(runId, ctx.activity.conversation.id);

/**
 * A card action about one diagnosis run: the guard checks that its data holds
 * a run id, the run is looked up in this conversation only, and a card whose
 * run is gone or was never ours is answered with STALE_CARD.
 */
export function runAction<T extends { runId: string }>(spec: {
  verb: string;
  audience: Role;
  data: z.ZodType<T, z.ZodTypeDef, unknown>;
  handle(turn: Turn, run: RunRecord, data: T): Promise<ClickReply | string>;
}): CardActionSpec<T> {
  return {
    verb: spec.verb,
    audience: spec.audience,
    data: spec.data,
    misfit: STALE_CARD,
    handle: async (turn, data) => {
      const run = await runOf(turn, data.runId);
      return run ? spec.handle(turn, run, data) : STALE_CARD;
    },
  };
}
