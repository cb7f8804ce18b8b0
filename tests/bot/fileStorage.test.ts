import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../src/store/fileStorage';
import { createStorage } from '../../src/store/createStorage';
import { loadConfig } from '../../src/config/schema';

describe('FileStorage (STATE_STORE=file:<dir>)', () => {
  let dir: string;
  let storage: FileStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-store-'));
    storage = new FileStorage(join(dir, 'nested', 'state'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'runs/a': { subject: 'alice@contoso.com', n: 1 } });
    const items = await storage.read(['runs/a', 'runs/missing']);
    expect(Object.keys(items)).toEqual(['runs/a']);
    expect(items['runs/a']).toMatchObject({ subject: 'alice@contoso.com', n: 1, eTag: expect.any(String) });
  });

  it('refuses a write whose eTag is stale, so a double click cannot act twice', async () => {
    await storage.write({ request: { state: 'requested' } });
    const { request } = await storage.read(['request']);
    await storage.write({ request: { ...request, state: 'approved' } });
    await expect(storage.write({ request: { ...request, state: 'approved-again' } })).rejects.toThrow('Storage: error writing "request" due to eTag conflict.');
    expect((await storage.read(['request'])).request.state).toBe('approved');
  });

  it('lets exactly one of two racing writers with the same eTag win', async () => {
    await storage.write({ request: { state: 'requested' } });
    const { request } = await storage.read(['request']);
    const results = await Promise.allSettled([
      storage.write({ request: { ...request, state: 'approved-by-a' } }),
      new FileStorage(join(dir, 'nested', 'state')).write({ request: { ...request, state: 'approved-by-b' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('overwrites unconditionally with eTag "*" or none, and deletes', async () => {
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: '*' } });
    await storage.write({ k: { v: 3 } });
    expect((await storage.read(['k'])).k.v).toBe(3);
    await storage.delete(['k', 'never-there']);
    expect(await storage.read(['k'])).toEqual({});
  });

  it('keeps keys that differ only in case or punctuation apart, in safe file names', async () => {
    await storage.write({ 'Latest/Alice@contoso.com': { v: 'upper' }, 'latest/alice@contoso.com': { v: 'lower' }, '../../etc/passwd': { v: 'dots' } });
    const items = await storage.read(['Latest/Alice@contoso.com', 'latest/alice@contoso.com', '../../etc/passwd']);
    expect([items['Latest/Alice@contoso.com'].v, items['latest/alice@contoso.com'].v, items['../../etc/passwd'].v]).toEqual(['upper', 'lower', 'dots']);
    const files = readdirSync(join(dir, 'nested', 'state'));
    expect(files).toHaveLength(3);
    for (const file of files) expect(file).toMatch(/^[a-z0-9-]+\.[0-9a-f]{32}\.json$/);
    expect(JSON.parse(readFileSync(join(dir, 'nested', 'state', files[0]), 'utf8'))).toHaveProperty('key');
  });

  it('lists every key under a prefix, whatever its case, punctuation or length, and nothing else', async () => {
    const long = `Passkey-Doctor/Runs/${'x'.repeat(70)}/`;
    const under = ['passkey-doctor/runs/a', 'passkey-doctor/runs/', 'passkey-doctor/runs//B!', `${long}1`, `${long}2`];
    const outside = ['passkey-doctor/runsx', 'passkey-doctor/latest-run/a', `${long.toLowerCase()}3`, 'audit/a'];
    for (const key of [...under, ...outside]) await storage.write({ [key]: { v: key } });
    const listed = async (prefix: string) => {
      const keys: string[] = [];
      for await (const item of storage.list(prefix)) keys.push(item.key);
      return keys.sort();
    };
    expect(await listed('passkey-doctor/runs/')).toEqual(['passkey-doctor/runs/', 'passkey-doctor/runs//B!', 'passkey-doctor/runs/a', `${long.toLowerCase()}3`].sort());
    expect(await listed(long)).toEqual([`${long}1`, `${long}2`]);
    expect(await listed('')).toHaveLength(under.length + outside.length);
  });

  it('is what STATE_STORE=file:<dir> gives; blob stores are created without touching the network', () => {
    expect(createStorage(loadConfig({ STATE_STORE: `file:${dir}` }))).toBeInstanceOf(FileStorage);
    expect(createStorage(loadConfig({ STATE_STORE: 'blob:https://account.blob.core.windows.net/state' })).constructor.name).toBe('BlobsStorage');
    expect(
      createStorage(loadConfig({ STATE_STORE: 'blob-conn:state', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).constructor.name,
    ).toBe('BlobsStorage');
  });
});
