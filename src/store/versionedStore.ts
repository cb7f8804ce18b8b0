/**
 * Compare-and-swap over any botbuilder `Storage` (files, Azure Blob, memory):
 * read a value with its eTag, write it back only if the eTag still matches.
 * This is what makes a double click or two racing approvals act once: of two
 * writers holding the same eTag, the store accepts exactly one.
 *
 * The `Storage` interface has no "create only if absent" write, so a first
 * write is unconditional. Creates are serialised inside the process; across
 * processes, callers use keys that are unique (random or derived from one
 * run) so that two creators never race for the same key with different data.
 */
import type { Storage } from 'botbuilder';
import { createKeyedQueue } from './keyedQueue';
import { PasskeyDoctorError } from '../errors/catalog';

export interface Versioned<T> {
  value: T;
  eTag: string;
}

/** What every botbuilder store (MemoryStorage, BlobsStorage, FileStorage) throws on a stale eTag. */
export const isETagConflict = (error: unknown): boolean =>
  error instanceof Error && (/etag conflict/i.test(error.message) || (error as { statusCode?: number }).statusCode === 412);

/** The change an `update` makes: the new value, or `undefined` to leave the item as it is. */
export type Change<T> = (current: T | undefined) => T | undefined;

const DEFAULT_ATTEMPTS = 8;

/** Stored as `{ data }` so the store's own `eTag` field never mixes with ours. */
interface Envelope<T> {
  data: T;
  eTag?: string;
}

/** Creates of one key run one after another within this process. */
const oneAtATime = createKeyedQueue();

export class VersionedStore {
  constructor(readonly storage: Storage) {}

  async read<T>(key: string): Promise<Versioned<T> | undefined> {
    const items = await this.storage.read([key]);
    const item = items[key] as Envelope<T> | undefined;
    if (!item || item.data === undefined) return undefined;
    if (!item.eTag) {
      throw new PasskeyDoctorError('INTERNAL', 'noETag');
    }
    return { value: item.data, eTag: item.eTag };
  }

  async readMany<T>(keys: string[]): Promise<Map<string, T>> {
    if (keys.length === 0) return new Map();
    const items = await this.storage.read(keys);
    const found = new Map<string, T>();
    for (const key of keys) {
      const item = items[key] as Envelope<T> | undefined;
      if (item?.data !== undefined) found.set(key, item.data);
    }
    return found;
  }

  /** Writes `value` unless the key already holds something; returns what is there afterwards. */
  async createIfAbsent<T>(key: string, value: T): Promise<{ created: boolean; current: Versioned<T> }> {
    return oneAtATime(key, async () => {
      const existing = await this.read<T>(key);
      if (existing) return { created: false, current: existing };
      await this.storage.write({ [key]: { data: value } });
      const written = await this.read<T>(key);
      if (!written) throw new PasskeyDoctorError('INTERNAL', 'lostWrite', { key });
      return { created: true, current: written };
    });
  }

  /** Writes `value` only if the item still has `eTag`. False when someone else wrote first. */
  async replace<T>(key: string, value: T, eTag: string): Promise<boolean> {
    try {
      await this.storage.write({ [key]: { data: value, eTag } });
      return true;
    } catch (error) {
      if (isETagConflict(error)) return false;
      throw error;
    }
  }

  /**
   * Read-change-write until the write lands on the version it was computed
   * from. Returns the value written, or the current one when `change` made none.
   */
  async update<T>(key: string, change: Change<T>, attempts = DEFAULT_ATTEMPTS): Promise<T | undefined> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const current = await this.read<T>(key);
      const next = change(current?.value);
      if (next === undefined) return current?.value;
      if (!current) {
        const { created, current: now } = await this.createIfAbsent(key, next);
        if (created) return now.value;
        continue;
      }
      if (await this.replace(key, next, current.eTag)) return next;
    }
    throw new PasskeyDoctorError('STORE_CONFLICT', 'update', { key }, { details: { key } });
  }
}
