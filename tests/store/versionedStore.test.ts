import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { isPasskeyDoctorError } from '../../src/errors/catalog';
import { VersionedStore, isETagConflict } from '../../src/store/versionedStore';
import { WorkflowStore } from '../../src/store/workflowStore';

interface Counter {
  count: number;
}

describe('versioned store (compare-and-swap over botbuilder Storage)', () => {
  it('reads a value with the eTag the store gave it', async () => {
    const store = new VersionedStore(new MemoryStorage());
    await store.createIfAbsent('k', { count: 1 });
    expect(await store.read<Counter>('k')).toEqual({ value: { count: 1 }, eTag: expect.any(String) });
    expect(await store.read('missing')).toBeUndefined();
  });

  it('accepts exactly one of two writes made from the same version', async () => {
    const store = new VersionedStore(new MemoryStorage());
    await store.createIfAbsent('k', { count: 0 });
    const seen = (await store.read<Counter>('k'))!;
    const results = await Promise.all([store.replace('k', { count: 1 }, seen.eTag), store.replace('k', { count: 2 }, seen.eTag)]);
    expect(results.sort()).toEqual([false, true]);
    expect((await store.read<Counter>('k'))!.value.count).toBeGreaterThan(0);
  });

  it('loses no increment when many updates race', async () => {
    const store = new VersionedStore(new MemoryStorage());
    await Promise.all(Array.from({ length: 12 }, () => store.update<Counter>('k', (c) => ({ count: (c?.count ?? 0) + 1 }), 50)));
    expect((await store.read<Counter>('k'))!.value.count).toBe(12);
  });

  it('leaves the item alone when the change returns nothing', async () => {
    const store = new VersionedStore(new MemoryStorage());
    await store.createIfAbsent('k', { count: 5 });
    expect(await store.update<Counter>('k', () => undefined)).toEqual({ count: 5 });
  });

  it('gives up with STORE_CONFLICT when the item keeps changing', async () => {
    const storage = new MemoryStorage();
    const store = new VersionedStore(storage);
    await store.createIfAbsent('k', { count: 0 });
    const meddling: Storage = {
      read: (keys) => storage.read(keys),
      delete: (keys) => storage.delete(keys),
      write: async (changes: StoreItems) => {
        await storage.write({ k: { data: { count: -1 } } });
        return storage.write(changes);
      },
    };
    const error = await new VersionedStore(meddling).update<Counter>('k', (c) => ({ count: (c?.count ?? 0) + 1 }), 3).catch((e: unknown) => e);
    expect(isPasskeyDoctorError(error) && error.code).toBe('STORE_CONFLICT');
  });

  it('refuses a store that hands out no eTags, since it could not stop a double action', async () => {
    const noETags: Storage = {
      read: async () => ({ k: { data: { count: 1 } } }),
      write: async () => undefined,
      delete: async () => undefined,
    };
    await expect(new VersionedStore(noETags).read('k')).rejects.toThrow(/without an eTag/);
  });

  it('recognises the eTag conflicts botbuilder stores throw', () => {
    expect(isETagConflict(new Error('Storage: error writing "k" due to eTag conflict.'))).toBe(true);
    expect(isETagConflict(Object.assign(new Error('Precondition failed'), { statusCode: 412 }))).toBe(true);
    expect(isETagConflict(new Error('ENOSPC'))).toBe(false);
  });
});

describe('workflow store', () => {
  const record = { kind: 'tap', id: 'tap-run-1', state: 'requested' };

  it('creates a record once; a second create finds the first', async () => {
    const workflows = new WorkflowStore(new VersionedStore(new MemoryStorage()));
    expect((await workflows.create(record)).created).toBe(true);
    const again = await workflows.create({ ...record, state: 'issued' });
    expect(again).toEqual({ created: false, current: { value: record, eTag: expect.any(String) } });
  });

  it('moves a record only from the version that was read', async () => {
    const workflows = new WorkflowStore(new VersionedStore(new MemoryStorage()));
    await workflows.create(record);
    const seen = (await workflows.get<typeof record>(record.id))!;
    expect(await workflows.swap(seen, { ...record, state: 'issuing' })).toBe(true);
    expect(await workflows.swap(seen, { ...record, state: 'denied' })).toBe(false);
    expect((await workflows.get<typeof record>(record.id))!.value.state).toBe('issuing');
  });

  it('treats ids that are not well formed as unknown without touching the store', async () => {
    const read = jest.fn(async () => ({}));
    const workflows = new WorkflowStore(new VersionedStore({ read, write: jest.fn(), delete: jest.fn() }));
    for (const id of ['', '../x', 'a/b', 'x'.repeat(200), 42, null, { id: 'tap-1' }]) expect(await workflows.get(id)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });
});
