/**
 * A botbuilder `Storage` over one JSON file per key, for `STATE_STORE=file:<dir>`.
 * Same contract as botbuilder's MemoryStorage and BlobsStorage: `read` returns
 * each item with its `eTag`; `write` with an `eTag` other than `*` fails when
 * the stored item has moved on, which is what stops a double click from
 * acting twice. Writes are atomic (temp file + rename) and serialised per key
 * inside the process; one bot process owns a directory.
 *
 * Damage is survived rather than propagated: a directory deleted while the
 * bot runs is created again on the next write, and a file that is not a
 * stored item is moved aside (`*.corrupt-<time>`), logged and read as absent —
 * except for keys that must never silently vanish (a workflow record: a TAP
 * being issued read as absent could be requested and issued again). Those
 * stay where they are and every read of them fails with STORE_CORRUPT.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { PasskeyDoctorError } from '../errors/catalog';
import { logger } from '../logger';
import { createKeyedQueue } from './keyedQueue';
import type { ListableStore, StoredItemInfo } from './retention';
import { WORKFLOW_PREFIX } from './workflowStore';

/** Keys whose damaged file must fail loudly instead of reading as absent: a lost workflow record could issue a second pass. */
const mustStayReadable = (key: string): boolean => key.startsWith(WORKFLOW_PREFIX);

const isStoredFile = (value: unknown): value is StoredFile =>
  typeof value === 'object' && value !== null && typeof (value as StoredFile).eTag === 'string' && typeof (value as StoredFile).value === 'object' && (value as StoredFile).value !== null;

interface StoredFile {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

const slugOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const SLUG_CHARS = 60;

/** Keys may hold any character; file names must not, and some file systems ignore case. */
function fileNameFor(key: string): string {
  const readable = slugOf(key).slice(0, SLUG_CHARS);
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${readable || 'item'}.${digest}.json`;
}

/**
 * What the file name of every key starting with `prefix` starts with, so a
 * listing reads only those files. Lower-casing and collapsing runs of other
 * characters into "-" work character by character, so a key's slug begins
 * with its prefix's — except for a trailing "-", which slugOf drops from
 * both — and both are cut at the same length. An empty answer matches all.
 */
const fileNamePrefixFor = (prefix: string): string => slugOf(prefix).slice(0, SLUG_CHARS);

/** Shared by every FileStorage in the process, so two instances on one directory still serialise. */
const serialised = createKeyedQueue();

export class FileStorage implements Storage, ListableStore {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(key, this.pathOf(key));
      if (stored) items[key] = { ...stored.value, eTag: stored.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const path = this.pathOf(key);
      await serialised(path, async () => {
        const { eTag, ...value } = (item ?? {}) as StoreItem;
        const current = await this.load(key, path, true);
        if (current && eTag && eTag !== '*' && eTag !== current.eTag) {
          throw new PasskeyDoctorError('STORE_CONFLICT', 'eTag', { key });
        }
        const file: StoredFile = { key, eTag: randomUUID(), value };
        const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
        await this.writeAtomically(temp, path, JSON.stringify(file));
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const path = this.pathOf(key);
      await serialised(path, () => unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }));
    }
  }

  /** Every item whose key starts with `prefix`, with its last write (for retention). */
  async *list(prefix: string): AsyncIterable<StoredItemInfo> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const start = fileNamePrefixFor(prefix);
    for (const name of names.filter((n) => n.startsWith(start) && n.endsWith('.json'))) {
      const path = join(this.dir, name);
      const stored = await readFile(path, 'utf8').then((text) => JSON.parse(text) as unknown, () => undefined);
      if (!isStoredFile(stored) || typeof stored.key !== 'string' || !stored.key.startsWith(prefix)) continue;
      const modified = await stat(path).then((s) => s.mtime, () => undefined);
      if (modified) yield { key: stored.key, modified };
    }
  }

  private pathOf(key: string): string {
    return join(this.dir, fileNameFor(key));
  }

  private async writeAtomically(temp: string, path: string, text: string): Promise<void> {
    try {
      await writeFile(temp, text, { mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The directory is not there (first write, or deleted while running): make it and write again.
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFile(temp, text, { mode: 0o600 });
    }
    await rename(temp, path);
  }

  /** `locked`: the caller already holds this path's queue. */
  private async load(key: string, path: string, locked = false): Promise<StoredFile | undefined> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isStoredFile(parsed)) return parsed;
    if (mustStayReadable(key)) {
      logger.error('state record is unreadable and kept in place', { file: path });
      throw new PasskeyDoctorError('STORE_CORRUPT', 'damaged', {}, { details: { file: path } });
    }
    const moveAside = () => this.moveAside(path, text);
    await (locked ? moveAside() : serialised(path, moveAside));
    return undefined;
  }

  /** Moves the damaged file aside unless a write replaced it meanwhile. */
  private async moveAside(path: string, damaged: string): Promise<void> {
    const now = await readFile(path, 'utf8').catch(() => undefined);
    if (now !== damaged) return;
    const aside = `${path}.corrupt-${Date.now()}`;
    await rename(path, aside);
    logger.warn('state record was unreadable; moved aside and treated as absent', { file: aside });
  }
}
