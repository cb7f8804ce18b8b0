import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../src/store/fileStorage';
import { SweepRecords, type SweepRecord } from '../../src/store/sweepRecords';
import { VersionedStore } from '../../src/store/versionedStore';

const record = (n: number, groupId = 'g-1'): SweepRecord => ({
  sweepId: `0c0c0c0c-0000-4000-8000-00000000000${n}`,
  groupId,
  groupName: 'Finance',
  starterId: 'op',
  status: 'running',
  startedAt: '2026-12-03T10:00:00.000Z',
  conversation: {},
});

describe('sweep records', () => {
  let dir: string;
  let records: SweepRecords;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-sweeps-'));
    records = new SweepRecords(new VersionedStore(new FileStorage(dir)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('two sweeps of one group started at once: exactly one runs, the other is told which', async () => {
    const results = await Promise.all([records.start(record(1)), records.start(record(2))]);
    expect(results.filter((r) => r.started)).toHaveLength(1);
    const refused = results.find((r) => !r.started) as { started: false; running: SweepRecord };
    expect([record(1).sweepId, record(2).sweepId]).toContain(refused.running.sweepId);
    expect(await records.running()).toHaveLength(1);
  });

  it('a finished sweep frees its group, and other groups never wait', async () => {
    expect((await records.start(record(1))).started).toBe(true);
    expect((await records.start(record(3, 'g-2'))).started).toBe(true);
    await records.update(record(1).sweepId, { status: 'done' });
    expect((await records.start(record(2))).started).toBe(true);
    expect((await records.running()).map((r) => r.sweepId).sort()).toEqual([record(2).sweepId, record(3).sweepId].sort());
  });
});
