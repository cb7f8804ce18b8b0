/**
 * One diagnosis from chat, start to finish: diagnose, keep the run, and build
 * its card — with what changed since that user's previous run when asked.
 * Shared by the diagnose command, Re-run and the device form.
 */
import { verdictChanges } from '../cards/verdictChanges';
import { verdictCard, type AdaptiveCardJson } from '../cards/render';
import type { DeviceInput } from '../diagnosis/facts';
import { parseUpn } from '../diagnosis/request';
import type { DiagnosisRun } from './runs';
import type { Turn } from './feature';
import { unreadableUserError } from './unreadableUser';

export interface DiagnosisAsked {
  subject: string;
  device?: DeviceInput;
  /** Show what changed since the latest earlier run for this user. */
  compare: boolean;
}

export async function diagnoseAndRecord({ ctx, services, actor }: Turn, asked: DiagnosisAsked): Promise<{ run: DiagnosisRun; card: AdaptiveCardJson }> {
  const upn = parseUpn(asked.subject);
  const verdict = await services.diagnosis.diagnose({ upn, ...(asked.device ? { device: asked.device } : {}) });
  const unreadable = unreadableUserError(verdict);
  if (unreadable) throw unreadable;
  const previous = asked.compare ? await services.runs.latestFor(upn) : undefined;
  const run: DiagnosisRun = {
    runId: services.runs.newRunId(),
    conversationId: ctx.activity.conversation.id,
    subject: upn,
    ...(asked.device ? { device: asked.device } : {}),
    requestedBy: actor.aadObjectId,
    verdict,
    at: new Date().toISOString(),
  };
  await services.runs.save(run);
  return { run, card: verdictCard(verdict, run.runId, previous ? verdictChanges(previous.verdict, verdict) : null) };
}
