/**
 * The wrapper every command and card action runs in: who is asking, are they
 * allowed (checked on the server at every message and every click, before
 * anything about the target is read), and what they see when something goes
 * wrong — a friendly card or line, never a stack trace. One log line per turn.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/render';
import { noticeForError, noticeView } from '../cards/noticeView';
import { isPasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import { ACCESS_REFUSALS } from '../store/auditTrail';
import { recordTurn } from '../telemetry/instruments';
import { isWellFormedId } from '../store/workflowStore';
import { auditStep } from '../actions/auditStep';
import type { Refusal } from '../actions/refusals';
import type { Person, Role } from '../model/people';
import type { BotServices, CardActionSpec, CommandSpec, Turn } from './feature';
import { answerClick, isAnswered, replaceCardForEveryone, sendCard } from './sendCard';

/** The activity is the caller's JSON: anything but text becomes "nobody", which every check refuses. */
const textOr = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** The sender as Teams identifies them, whoever they chose to act as. */
export function senderOf(ctx: TurnContext): Person {
  const from: unknown = ctx.activity.from;
  const fields = typeof from === 'object' && from !== null ? (from as Record<string, unknown>) : {};
  return { id: textOr(fields.aadObjectId, 64), name: textOr(fields.name, 256) };
}

/** The sender, or on the sandbox the persona they chose with `as <role>`. */
function actorOf(ctx: TurnContext, services: BotServices): Person {
  const real = senderOf(ctx);
  return services.actingAs?.actorFor(ctx, real) ?? real;
}

/** Null when the actor may go on; otherwise the workflows' own refusal, which the guard shows as it is. */
async function refusalFor(services: BotServices, actor: Person, audience: Role | 'anyone'): Promise<Refusal | null> {
  return audience === 'anyone' ? null : services.access.require(actor, audience);
}

/**
 * Who was refused what, and when — in its own audit trail, without reading
 * the target. An audit store failure never turns the refusal into an error.
 */
async function auditRefusal(services: BotServices, actor: Person, what: string, data: unknown): Promise<void> {
  const ids = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const card = [ids.requestId, ids.runId].find(isWellFormedId) ?? null;
  const subject = { id: card, target: { id: null, userPrincipalName: ACCESS_REFUSALS }, rootCause: null };
  await auditStep(services.actions.audit, 'access.refused', actor, subject, what.slice(0, 80)).catch((error: unknown) => logger.warn('refusal could not be audited', { actor: actor.id, error }));
}

function logFailure(what: Record<string, unknown>, error: unknown, reference: string, started: number): void {
  const fields = { ...what, ms: Date.now() - started, reference };
  if (isPasskeyDoctorError(error)) logger.warn('bot turn failed', { ...fields, code: error.code, error: error.message });
  else logger.error('bot turn failed unexpectedly', { ...fields, error });
}

export function guardCommand(services: BotServices, spec: CommandSpec) {
  return async (ctx: TurnContext): Promise<void> => {
    const started = Date.now();
    const actor = actorOf(ctx, services);
    const what = { command: spec.pattern.source, actor: actor.id };
    const reference = randomUUID().slice(0, 8);
    try {
      const refusal = await refusalFor(services, actor, spec.audience);
      if (refusal) {
        logger.info('bot command refused', { ...what, code: refusal.code, ms: Date.now() - started });
        recordTurn('command', spec.pattern.source, 'refused', Date.now() - started);
        await auditRefusal(services, actor, `command ${(ctx.activity.text ?? '').split(' ')[0]}`, undefined);
        await sendCard(ctx, noticeCard(noticeView(refusal.error ?? 'NOT_AUTHORISED', refusal.message)));
        return;
      }
      const turn: Turn = { ctx, services, actor };
      await spec.handle(turn, ctx.activity.text ?? '');
      logger.info('bot command', { ...what, ms: Date.now() - started });
      recordTurn('command', spec.pattern.source, 'ok', Date.now() - started);
    } catch (error) {
      logFailure(what, error, reference, started);
      recordTurn('command', spec.pattern.source, 'failed', Date.now() - started);
      await sendCard(ctx, noticeCard(noticeForError(error, reference)));
    }
  };
}

/**
 * The guard answers every click itself, first with what the clicker sees and
 * then with any change for everyone: a later failure cannot lose an answer
 * that is shown once (a Temporary Access Pass). teams-ai sends nothing more
 * once a click is answered, so the empty string returned to it is unused.
 */
export function guardCardAction(services: BotServices, spec: CardActionSpec<unknown>) {
  return async (ctx: TurnContext, _state: unknown, data: unknown): Promise<string> => {
    const started = Date.now();
    const actor = actorOf(ctx, services);
    const what = { verb: spec.verb, actor: actor.id };
    const reference = randomUUID().slice(0, 8);
    try {
      const refusal = await refusalFor(services, actor, spec.audience);
      if (refusal) {
        logger.info('bot card action refused', { ...what, code: refusal.code, ms: Date.now() - started });
        recordTurn('click', spec.verb, 'refused', Date.now() - started);
        await auditRefusal(services, actor, `click ${spec.verb}`, data);
        await answerClick(ctx, refusal.message);
        return '';
      }
      const parsed = spec.data.safeParse(data);
      if (!parsed.success) {
        logger.warn('card data does not fit its action', { ...what, fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5) });
        recordTurn('click', spec.verb, 'refused', Date.now() - started);
        await answerClick(ctx, spec.misfit);
        return '';
      }
      const reply = await spec.handle({ ctx, services, actor }, parsed.data);
      const { clicker, everyone } = typeof reply === 'string' ? { clicker: reply, everyone: undefined } : reply;
      await answerClick(ctx, clicker);
      if (everyone) await replaceCardForEveryone(ctx, everyone);
      logger.info('bot card action', { ...what, ms: Date.now() - started });
      recordTurn('click', spec.verb, 'ok', Date.now() - started);
    } catch (error) {
      logFailure(what, error, reference, started);
      recordTurn('click', spec.verb, 'failed', Date.now() - started);
      const notice = noticeForError(error, reference);
      if (!isAnswered(ctx)) await answerClick(ctx, `${notice.title}: ${notice.message}${notice.reference ? ` (reference ${notice.reference})` : ''}`);
    }
    return '';
  };
}
