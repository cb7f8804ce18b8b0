/**
 * Sweeps in the state store: one record per sweep, one lock per group (a
 * second sweep of the same group is refused while one runs), the list of
 * running sweeps (so a restarted bot can mark them interrupted), and the
 * members' CSV under an unguessable token until it expires.
 */
import type { ConversationReference } from 'botbuilder';
import type { VersionedStore } from './versionedStore';

export type SweepStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted';

export interface SweepRecord {
  sweepId: string;
  groupId: string;
  groupName: string;
  /** Entra object id of the operator who started it: the only one who may cancel it. */
  starterId: string;
  status: SweepStatus;
  startedAt: string;
  /** Where the card is, to update it from outside the turn (progress, a restart). */
  conversation: Partial<ConversationReference>;
  cardActivityId?: string;
}

interface GroupLock {
  sweepId: string;
}

interface CsvMeta {
  expiresAt: string;
  chunks: number;
}

/** Lines per stored chunk: a 100,000-member CSV is ten items of about 1 MB, not one of 12 MB. */
export const CSV_CHUNK_LINES = 10_000;

const runKey = (sweepId: string) => `sweep/run/${sweepId}`;
const lockKey = (groupId: string) => `sweep/group/${groupId.toLowerCase()}`;
const RUNNING = 'sweep/running';
const csvKey = (token: string) => `sweep/csv/${token}`;

export class SweepRecords {
  constructor(
    private readonly store: VersionedStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes the group's lock for `record`, unless another sweep of the group is running; then returns that one. */
  async start(record: SweepRecord): Promise<{ started: true } | { started: false; running: SweepRecord }> {
    // The record is written before the lock, so a lock always points at a record: one without is a crash's leftover.
    await this.store.storage.write({ [runKey(record.sweepId)]: { data: record } });
    const refuse = async (running: SweepRecord) => {
      await this.store.storage.delete([runKey(record.sweepId)]);
      return { started: false as const, running };
    };
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const lock = await this.store.read<GroupLock>(lockKey(record.groupId));
      if (lock && lock.value.sweepId !== record.sweepId) {
        const holder = await this.get(lock.value.sweepId);
        if (holder?.status === 'running') return refuse(holder);
        if (!(await this.store.replace(lockKey(record.groupId), { sweepId: record.sweepId }, lock.eTag))) continue;
      } else if (!lock && !(await this.store.createIfAbsent<GroupLock>(lockKey(record.groupId), { sweepId: record.sweepId })).created) {
        continue;
      }
      await this.store.update<string[]>(RUNNING, (ids) => [...(ids ?? []).filter((id) => id !== record.sweepId), record.sweepId]);
      return { started: true };
    }
    const current = await this.store.read<GroupLock>(lockKey(record.groupId));
    const holder = current ? await this.get(current.value.sweepId) : undefined;
    return refuse(holder ?? record);
  }

  async get(sweepId: string): Promise<SweepRecord | undefined> {
    return (await this.store.read<SweepRecord>(runKey(sweepId)))?.value;
  }

  async update(sweepId: string, change: Partial<SweepRecord>): Promise<SweepRecord | undefined> {
    const next = await this.store.update<SweepRecord>(runKey(sweepId), (current) => (current ? { ...current, ...change } : undefined));
    if (change.status && change.status !== 'running') {
      await this.store.update<string[]>(RUNNING, (ids) => (ids?.includes(sweepId) ? ids.filter((id) => id !== sweepId) : undefined));
    }
    return next;
  }

  /** Sweeps recorded as running: after a restart, none of them is. */
  async running(): Promise<SweepRecord[]> {
    const ids = (await this.store.read<string[]>(RUNNING))?.value ?? [];
    const records = await this.store.readMany<SweepRecord>(ids.map(runKey));
    return [...records.values()].filter((r) => r.status === 'running');
  }

  async putCsv(token: string, lines: Iterable<string>, ttlMs: number): Promise<string> {
    const expiresAt = new Date(this.now() + ttlMs).toISOString();
    let chunk: string[] = [];
    let chunks = 0;
    const flush = async () => {
      await this.store.storage.write({ [`${csvKey(token)}/${chunks}`]: { data: chunk.join('') } });
      chunks += 1;
      chunk = [];
    };
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length >= CSV_CHUNK_LINES) await flush();
    }
    if (chunk.length || chunks === 0) await flush();
    await this.store.storage.write({ [csvKey(token)]: { data: { expiresAt, chunks } satisfies CsvMeta } });
    return expiresAt;
  }

  /** The CSV's chunks in order, or null when the token is unknown or expired (then it is deleted). */
  async csv(token: string): Promise<AsyncGenerator<string, void, undefined> | null> {
    const meta = (await this.store.read<CsvMeta>(csvKey(token)))?.value;
    if (!meta) return null;
    if (Date.parse(meta.expiresAt) <= this.now()) {
      await this.store.storage.delete([csvKey(token), ...Array.from({ length: meta.chunks }, (_, i) => `${csvKey(token)}/${i}`)]);
      return null;
    }
    return this.chunks(token, meta.chunks);
  }

  private async *chunks(token: string, count: number): AsyncGenerator<string, void, undefined> {
    for (let i = 0; i < count; i++) {
      const chunk = (await this.store.read<string>(`${csvKey(token)}/${i}`))?.value;
      if (chunk !== undefined) yield chunk;
    }
  }
}
