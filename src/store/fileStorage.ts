/**
 * A botbuilder `Storage` over one JSON file per key, for `STATE_STORE=file:<dir>`.
 * Same contract as botbuilder's MemoryStorage and BlobsStorage: `read` returns
 * each item with its `eTag`; `write` with an `eTag` other than `*` fails when
 * the stored item has moved on, which is what stops a double click from
 * acting twice. Writes are atomic (temp file + rename) and serialised per key
 * inside the process; one bot process owns a directory.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { createKeyedQueue } from './keyedQueue';

interface StoredFile {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

/** Keys may hold any character; file names must not, and some file systems ignore case. */
function fileNameFor(key: string): string {
  const readable = key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${readable || 'item'}.${digest}.json`;
}

/** Shared by every FileStorage in the process, so two instances on one directory still serialise. */
const serialised = createKeyedQueue();

export class FileStorage implements Storage {
  private readonly dir: string;
  private ready: Promise<unknown> | undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(this.pathOf(key));
      if (stored) items[key] = { ...stored.value, eTag: stored.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureDir();
    for (const [key, item] of Object.entries(changes)) {
      const path = this.pathOf(key);
      await serialised(path, async () => {
        const { eTag, ...value } = (item ?? {}) as StoreItem;
        const current = await this.load(path);
        if (current && eTag && eTag !== '*' && eTag !== current.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const file: StoredFile = { key, eTag: randomUUID(), value };
        const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
        await writeFile(temp, JSON.stringify(file), { mode: 0o600 });
        await rename(temp, path);
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

  private pathOf(key: string): string {
    return join(this.dir, fileNameFor(key));
  }

  private ensureDir(): Promise<unknown> {
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 });
    return this.ready;
  }

  private async load(path: string): Promise<StoredFile | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as StoredFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
