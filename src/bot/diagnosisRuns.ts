/**
 * One diagnosis from chat, start to finish: diagnose, keep the run, record it
 * in the audit trail, and build its card — with what changed since that
 * user's previous run when asked. Shared by the diagnose command, Re-run and
 * the device form.
 */
import { verdictChanges } from '../cards/verdictChanges';
import { verdictCard, type AdaptiveCardJson } from '../cards/render';
import type { VerdictStatus } from '../cards/verdictView';
import type { DeviceInput } from '../model/facts';
import { parseUpn } from '../input/request';
import type { RunRecord } from './runs';
import type { Turn } from './feature';
import { unreadableUserError } from '../diagnosis/unreadableUser';
import { recordDiagnosis } from '../telemetry/instruments';

export interface DiagnosisAsked {
  subject: string;
  device?: DeviceInput;
  /** Show what changed since the latest earlier run for this user. */
  compare: boolean;
  /** The escalation a Re-run carries forward from the card clicked (RunRecord.escalation). */
  escalation?: RunRecord['escalation'];
}

/** The run's card as first shown, plus what has been done from it since. */
export const verdictCardFor = (
  run: RunRecord,
  status: VerdictStatus = run.escalation ? { escalation: run.escalation.line } : {},
): AdaptiveCardJson => verdictCard(run.verdict, run.runId, run.changes ?? null, status);

export async function diagnoseAndRecord(turn: Turn, asked: DiagnosisAsked): Promise<{ run: RunRecord; card: AdaptiveCardJson }> {
  const { ctx, services, actor } = turn;
  // Read before the first await: a click answered late (lateAnswer.ts) finishes after its turn context is revoked.
  const conversationId = ctx.activity.conversation.id;
  const upn = parseUpn(asked.subject);
  const verdict = await services.diagnosis.diagnose({ upn, ...(asked.device ? { device: asked.device } : {}) });
  recordDiagnosis(verdict.outcome, verdict.graph.roundTrips);
  const unreadable = unreadableUserError(verdict);
  if (unreadable) throw unreadable;
  const previous = asked.compare ? await services.runs.latestFor(upn) : undefined;
  const run: RunRecord = {
    runId: services.runs.newRunId(),
    conversationId,
    subject: upn,
    ...(asked.device ? { device: asked.device } : {}),
    requestedBy: actor.id,
    verdict,
    ...(previous ? { changes: verdictChanges(previous.verdict, verdict) } : {}),
    ...(asked.escalation ? { escalation: asked.escalation } : {}),
    at: new Date().toISOString(),
  };
  await services.runs.save(run);
  await services.actions.recordDiagnosis(actor, run);
  return { run, card: verdictCardFor(run) };
}
