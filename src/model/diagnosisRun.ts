/**
 * One diagnosis as it was asked and answered: what a card's run id stands
 * for. The bot stores it (with what its card showed); the actions read the
 * verdict from it, never from card data.
 */
import type { DeviceInput } from './facts';
import type { Verdict } from './verdictTypes';

export interface DiagnosisRun {
  runId: string;
  /** The conversation the card was posted in; a run id replayed from elsewhere is not honoured. */
  conversationId: string;
  /** The UPN as typed (docs/contracts.md §3 `subject`). */
  subject: string;
  device?: DeviceInput;
  /** Entra object id of the operator who asked. */
  requestedBy: string;
  verdict: Verdict;
  at: string;
}

/** What a workflow needs of a run: which one, and its verdict. */
export type RunVerdict = Pick<DiagnosisRun, 'runId' | 'verdict'>;
