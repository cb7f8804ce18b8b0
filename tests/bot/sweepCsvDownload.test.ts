import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { sweepCsvHandler } from '../../src/bot/server';
import { SweepRunner } from '../../src/bot/sweepRunner';
import { FileStorage } from '../../src/store/fileStorage';
import { CSV_CHUNK_LINES, SweepRecords } from '../../src/store/sweepRecords';
import { VersionedStore } from '../../src/store/versionedStore';

describe('the sweep CSV link', () => {
  let dir: string;
  let now: number;
  let records: SweepRecords;
  let base: string;
  let close: () => void;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-csv-'));
    now = Date.parse('2026-12-03T10:00:00Z');
    records = new SweepRecords(new VersionedStore(new FileStorage(dir)), () => now);
    const runner = new SweepRunner({ sweep: {} as never, records, botAppId: '', csvTtlMs: 3_600_000, publicUrl: () => '' });
    const app = express();
    app.get('/sweeps/:file', sweepCsvHandler(runner));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterEach(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  const TOKEN = 'A'.repeat(31) + 'b';

  it('serves the whole CSV, in order across chunks, as an attachment nobody caches', async () => {
    const lines = ['header\r\n', ...Array.from({ length: CSV_CHUNK_LINES + 5 }, (_, i) => `line ${i}\r\n`)];
    await records.putCsv(TOKEN, lines, 3_600_000);
    const response = await fetch(`${base}/sweeps/${TOKEN}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(lines.join(''));
  });

  it('answers 404 once the link has expired, and for a token that was never issued or is malformed', async () => {
    await records.putCsv(TOKEN, ['header\r\n'], 3_600_000);
    now += 3_600_001;
    expect((await fetch(`${base}/sweeps/${TOKEN}.csv`)).status).toBe(404);
    expect((await fetch(`${base}/sweeps/${'B'.repeat(32)}.csv`)).status).toBe(404);
    expect((await fetch(`${base}/sweeps/..%2F..%2Fetc.csv`)).status).toBe(404);
  });
});
