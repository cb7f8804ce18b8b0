/**
 * Diagnosis runs kept in the state store: each card carries only its run id,
 * and the run holds what the card was about (subject, device details, the
 * verdict). The latest run per user is what a Re-run compares against.
 * Verdicts hold no secrets, so storing them is safe.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { EscalationPayload } from '../actions/escalation';
import type { DiagnosisRun } from '../model/diagnosisRun';
import type { VerdictChanges } from '../cards/verdictChanges';
import { RUN_PREFIX } from '../store/retention';

/** A diagnosis run as its card shows it: the run, what changed since the last one, and its escalation. */
export interface RunRecord extends DiagnosisRun {
  /** What changed since the user's previous run, as the card first showed it. */
  changes?: VerdictChanges;
  /**
   * The escalation this run's card shows: its one line on the help desk's
   * card, and the whole payload on the owner's channel copy. A Re-run carries
   * it forward, so the card keeps it and never offers Escalate twice.
   */
  escalation?: { line: string; payload?: EscalationPayload };
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const runKey = (runId: string) => `${RUN_PREFIX}${runId}`;
const latestKey = (subject: string) => `passkey-doctor/latest-run/${subject.trim().toLowerCase()}`;

export class RunStore {
  constructor(private readonly storage: Storage) {}

  newRunId(): string {
    return randomUUID();
  }

  async save(run: RunRecord): Promise<void> {
    await this.storage.write({
      [runKey(run.runId)]: { ...run, eTag: '*' },
      [latestKey(run.subject)]: { runId: run.runId, eTag: '*' },
    });
  }

  /** The run behind a card in this conversation; undefined for anything else, including ids that are not run ids. */
  async find(runId: unknown, conversationId: string): Promise<RunRecord | undefined> {
    if (typeof runId !== 'string' || !RUN_ID.test(runId)) return undefined;
    const run = (await this.storage.read([runKey(runId)]))[runKey(runId)] as RunRecord | undefined;
    return run && run.conversationId === conversationId ? run : undefined;
  }

  async latestFor(subject: string): Promise<RunRecord | undefined> {
    const pointer = (await this.storage.read([latestKey(subject)]))[latestKey(subject)] as { runId?: string } | undefined;
    if (!pointer?.runId) return undefined;
    return (await this.storage.read([runKey(pointer.runId)]))[runKey(pointer.runId)] as RunRecord | undefined;
  }
}
