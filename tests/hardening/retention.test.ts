/**
 * Retention: runs older than RUN_RETENTION_DAYS and full audit pages older
 * than AUDIT_RETENTION_DAYS are pruned, on files and on Blob (Azurite); the
 * newest audit entries and recent runs stay readable.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Storage } from 'botbuilder';
import { AuditTrail, PAGE_SIZE, type AuditEntry } from '../../src/store/auditTrail';
import { BlobListing } from '../../src/store/blobListing';
import { FileStorage } from '../../src/store/fileStorage';
import { DIGEST_PREFIX, prune, RUN_PREFIX, type ListableStore } from '../../src/store/retention';
import { VersionedStore } from '../../src/store/versionedStore';
import { startAzurite, type Azurite } from '../support/azurite';

const DAY = 86_400_000;
const entry = (n: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  who: { id: 'op', name: 'Hana' },
  what: 'diagnosis',
  target: { id: 'u', userPrincipalName: 'alice@contoso.com' },
  rootCause: null,
  requestId: `run-${n}`,
});

async function fill(storage: Storage, runs: number): Promise<AuditTrail> {
  for (let n = 0; n < runs; n += 1) await storage.write({ [`${RUN_PREFIX}run-${n}`]: { runId: `run-${n}`, at: new Date().toISOString() } });
  const trail = new AuditTrail(new VersionedStore(storage));
  for (let n = 0; n < PAGE_SIZE * 2 + 3; n += 1) await trail.append(entry(n));
  return trail;
}

describe('retention on files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-retention-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prunes runs past RUN_RETENTION_DAYS and audit pages past AUDIT_RETENTION_DAYS, keeping the rest', async () => {
    const storage = new FileStorage(dir);
    const trail = await fill(storage, 10);
    // Age everything by 40 days, then write five fresh runs.
    const old = new Date(Date.now() - 40 * DAY);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), old, old);
    for (let n = 10; n < 15; n += 1) await storage.write({ [`${RUN_PREFIX}run-${n}`]: { runId: `run-${n}` } });
    // A weekly digest's outreach list from 40 days ago, and one from today.
    await storage.write({ [`${DIGEST_PREFIX}old`]: { data: { outreach: [] } } });
    utimesSync(join(dir, readdirSync(dir).find((name) => name.includes('digests') && name.includes('old'))!), old, old);
    await storage.write({ [`${DIGEST_PREFIX}new`]: { data: { outreach: [] } } });

    expect(await prune(storage, { runDays: 30, auditDays: 365 })).toEqual({ runs: 10, auditPages: 0, digests: 1 });
    expect(Object.keys(await storage.read([`${DIGEST_PREFIX}old`, `${DIGEST_PREFIX}new`]))).toEqual([`${DIGEST_PREFIX}new`]);
    const keys = Array.from({ length: 15 }, (_, n) => `${RUN_PREFIX}run-${n}`);
    expect(Object.keys(await storage.read(keys)).sort()).toEqual(keys.slice(10).sort());

    expect(await prune(storage, { runDays: 30, auditDays: 7 })).toEqual({ runs: 0, auditPages: 2, digests: 0 });
    // The head (the newest entries) stays readable; the pruned pages are gone.
    expect((await trail.recent('alice@contoso.com', 100)).map((e) => e.requestId)).toEqual(['run-42', 'run-41', 'run-40']);
  });
});

describe('retention on Blob (Azurite)', () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite?.stop();
  });

  it('lists through the same keys botbuilder-azure-blobs writes, and prunes by last write', async () => {
    const container = `retention-${process.pid}`;
    const storage = new BlobsStorage(azurite.connectionString, container);
    await fill(storage, 4);
    const listing: ListableStore = BlobListing.fromConnectionString(azurite.connectionString, container);
    expect(await prune(listing, { runDays: 30, auditDays: 365 })).toEqual({ runs: 0, auditPages: 0, digests: 0 });
    const later = new Date(Date.now() + 31 * DAY);
    expect(await prune(listing, { runDays: 30, auditDays: 365 }, later)).toEqual({ runs: 4, auditPages: 0, digests: 0 });
    expect(await storage.read([`${RUN_PREFIX}run-0`])).toEqual({});
    expect(await prune(listing, { runDays: 30, auditDays: 30 }, later)).toEqual({ runs: 0, auditPages: 2, digests: 0 });
  });
});
