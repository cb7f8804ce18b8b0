/**
 * Sweeps from Teams: the card is posted in the turn, then the sweep runs on
 * after the turn has ended and updates that same message through the
 * connector (throttled), as the diagnose "checking…" card is replaced. Only
 * the operator who started a sweep may cancel it (checked here, at the
 * click); one sweep per group at a time; a restarted bot marks the sweeps it
 * was running as interrupted and says so on their cards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { sweepCard, type AdaptiveCardJson } from '../cards/render';
import { escapeMarkdown } from '../cards/markdown';
import { isPasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import type { SweepRecord, SweepRecords } from '../store/sweepRecords';
import { csvLines } from '../tenant/sweep/csv';
import type { SweepService } from '../tenant/sweep/service';
import type { SweepProgress } from '../tenant/sweep/types';
import type { Person } from '../model/people';
import { postCard, replaceCardIn, type ProactiveAdapter } from './sendCard';

export interface SweepRunnerOptions {
  sweep: Pick<SweepService, 'resolve' | 'run'>;
  records: SweepRecords;
  botAppId: string;
  csvTtlMs: number;
  /** The bot's address as the operator's browser reaches it. */
  publicUrl: () => string;
  /** Least time between two progress updates of the card (Teams throttles message updates). */
  updateEveryMs?: number;
  clock?: () => number;
}

export const csvPath = (token: string): string => `/sweeps/${token}.csv`;
/** 24 random bytes, base64url: 192 bits nobody guesses. */
const CSV_TOKEN = /^[A-Za-z0-9_-]{32}$/;

export class SweepRunner {
  private readonly controllers = new Map<string, AbortController>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: SweepRunnerOptions) {}

  private get now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Starts a sweep asked for in `ctx` by `actor` (a Turn's two parts: this file is part of the services a Turn carries). */
  async start({ ctx, actor }: { ctx: TurnContext; actor: Person }, groupKey: string): Promise<void> {
    const group = await this.options.sweep.resolve(groupKey);
    const reference = TurnContext.getConversationReference(ctx.activity);
    const record: SweepRecord = {
      sweepId: randomUUID(),
      groupId: group.id,
      groupName: group.displayName,
      starterId: actor.id,
      status: 'running',
      startedAt: new Date(this.now).toISOString(),
      conversation: reference,
    };
    const claim = await this.options.records.start(record);
    if (!claim.started) {
      await ctx.sendActivity(`A sweep of ${escapeMarkdown(group.displayName)} is already running (started ${claim.running.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}); its card shows the answer when it ends.`);
      return;
    }
    const startedAtMs = this.now;
    const first = sweepCard({ kind: 'running', sweepId: record.sweepId, groupName: group.displayName, progress: null, members: null, startedAtMs, nowMs: startedAtMs });
    const cardActivityId = await postCard(ctx, first);
    await this.options.records.update(record.sweepId, { cardActivityId });
    const controller = new AbortController();
    this.controllers.set(record.sweepId, controller);
    const run = this.execute({ ...record, cardActivityId }, ctx.adapter, controller.signal, startedAtMs).finally(() => {
      this.controllers.delete(record.sweepId);
      this.inFlight.delete(run);
    });
    this.inFlight.add(run);
  }

  private async replaceCard(adapter: ProactiveAdapter, record: SweepRecord, card: AdaptiveCardJson): Promise<void> {
    if (record.cardActivityId) await replaceCardIn(adapter, this.options.botAppId, record.conversation, record.cardActivityId, card);
  }

  private async execute(record: SweepRecord, adapter: ProactiveAdapter, signal: AbortSignal, startedAtMs: number): Promise<void> {
    const { sweepId, groupName } = record;
    let members: number | null = null;
    let lastUpdate = startedAtMs;
    let updates = Promise.resolve();
    const onProgress = (progress: SweepProgress) => {
      if (progress.phase !== 'members') members = progress.membersRead;
      const now = this.now;
      if (now - lastUpdate < (this.options.updateEveryMs ?? 2000) || progress.phase === 'done') return;
      lastUpdate = now;
      const card = sweepCard({ kind: 'running', sweepId, groupName, progress, members, startedAtMs, nowMs: now });
      // One update at a time, in order; a failed update is logged and the sweep goes on.
      updates = updates.then(() => this.replaceCard(adapter, record, card)).catch((error) => logger.warn('sweep progress update failed', { sweepId, error: String(error) }));
    };
    let final: AdaptiveCardJson;
    try {
      const document = await this.options.sweep.run({ id: record.groupId, displayName: groupName }, { signal, onProgress });
      const token = randomBytes(24).toString('base64url');
      const csvExpiresAt = await this.options.records.putCsv(token, csvLines(document.users), this.options.csvTtlMs);
      await this.options.records.update(sweepId, { status: 'done' });
      final = sweepCard({ kind: 'done', sweepId, document, csvUrl: `${this.options.publicUrl()}${csvPath(token)}`, csvExpiresAt });
    } catch (error) {
      const cancelled = isPasskeyDoctorError(error) && error.code === 'CANCELLED';
      await this.options.records.update(sweepId, { status: cancelled ? 'cancelled' : 'failed' }).catch(() => undefined);
      if (!cancelled) logger.error('sweep failed', { sweepId, error: isPasskeyDoctorError(error) ? error.code : String(error) });
      const why = cancelled
        ? 'Cancelled by the operator who started it.'
        : `It could not finish: ${isPasskeyDoctorError(error) ? error.message : 'an unexpected error (see the bot log)'} Run the sweep again.`;
      final = sweepCard({ kind: 'stopped', sweepId, groupName, why });
    }
    await updates;
    await this.replaceCard(adapter, record, final).catch((error) => logger.warn('sweep card update failed', { sweepId, error: String(error) }));
  }

  /** A click on Cancel: only the operator who started the sweep, only while it runs. */
  async cancel(sweepId: unknown, actorId: string): Promise<string> {
    const record = typeof sweepId === 'string' && /^[0-9a-f-]{36}$/.test(sweepId) ? await this.options.records.get(sweepId) : undefined;
    if (!record) return 'This sweep is not known to the bot.';
    if (record.starterId.toLowerCase() !== actorId.toLowerCase()) return 'Only the operator who started this sweep can cancel it.';
    if (record.status !== 'running') return `This sweep has already ${record.status === 'done' ? 'finished' : 'stopped'}.`;
    const controller = this.controllers.get(record.sweepId);
    if (!controller) {
      // Recorded as running but not running here: the bot restarted and start-up missed it.
      await this.options.records.update(record.sweepId, { status: 'interrupted' });
      return 'This sweep had stopped when the bot restarted; run it again.';
    }
    controller.abort();
    return 'Cancelling the sweep…';
  }

  /** At start-up: sweeps recorded as running died with the previous process; say so on their cards. */
  async markInterrupted(adapter: ProactiveAdapter): Promise<number> {
    const stale = await this.options.records.running();
    for (const record of stale) {
      await this.options.records.update(record.sweepId, { status: 'interrupted' });
      const card = sweepCard({ kind: 'stopped', sweepId: record.sweepId, groupName: record.groupName, why: 'The bot restarted while this sweep ran, so it stopped. Run the sweep again.' });
      await this.replaceCard(adapter, record, card).catch((error) => logger.warn('interrupted sweep card update failed', { sweepId: record.sweepId, error: String(error) }));
    }
    return stale.length;
  }

  /** The members CSV behind a link, or null when the token is unknown or expired. */
  async csv(token: string): Promise<AsyncGenerator<string> | null> {
    return CSV_TOKEN.test(token) ? this.options.records.csv(token) : null;
  }

  /** Resolves when every sweep started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}

