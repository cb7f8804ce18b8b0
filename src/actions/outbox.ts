/**
 * Records that follow an action already taken in the tenant. Once Graph has
 * created a pass, the approver must see it: writing the request's new state
 * and the audit entry comes after, and a failure there (a store conflict, a
 * store briefly unavailable) is retried here in the background instead of
 * turning the answer into an error. Nothing here can undo or hide the action.
 *
 * In-process: a restart loses what is still pending, which the log says
 * (the request then stays "being issued" until its claim goes stale).
 */
import { logger } from '../logger';

/** About two minutes of retrying in all: long enough for a store hiccup, short enough to report. */
const DEFAULT_DELAYS_MS = [250, 1_000, 4_000, 15_000, 60_000];

export interface OutboxOptions {
  delaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}

export class Outbox {
  private readonly delaysMs: number[];
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pending = new Set<Promise<void>>();

  constructor(options: OutboxOptions = {}) {
    this.delaysMs = options.delaysMs ?? DEFAULT_DELAYS_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
  }

  /**
   * Runs `work` now. If it fails, keeps retrying in the background and
   * resolves at once with false; never throws. `fields` go to the log and
   * must be secret-free ids.
   */
  async record(what: string, fields: Record<string, unknown>, work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      logger.warn('record failed after the action; retrying in the background', { what, ...fields, error });
      const retrying = this.retry(what, fields, work).finally(() => this.pending.delete(retrying));
      this.pending.add(retrying);
      return false;
    }
  }

  /** Settles when nothing is pending (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  get size(): number {
    return this.pending.size;
  }

  private async retry(what: string, fields: Record<string, unknown>, work: () => Promise<void>): Promise<void> {
    for (const delay of this.delaysMs) {
      await this.sleep(delay);
      try {
        await work();
        logger.info('record written on retry', { what, ...fields });
        return;
      } catch (error) {
        logger.warn('record retry failed', { what, ...fields, error });
      }
    }
    logger.error('record could not be written; the action stands but this record is missing', { what, ...fields });
  }
}
