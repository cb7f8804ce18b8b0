/**
 * The state store survives what happens to real disks and busy users:
 * concurrent appends to one user's audit trail, the state directory deleted
 * while the bot runs, and a damaged record.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setLogSink } from '../../src/logger';
import { AuditTrail, type AuditEntry } from '../../src/store/auditTrail';
import { FileStorage } from '../../src/store/fileStorage';
import { VersionedStore } from '../../src/store/versionedStore';
import { botHarness, cardsIn } from '../bot/harness';

const entry = (n: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(),
  who: { id: 'op', name: 'Hana' },
  what: 'diagnosis',
  target: { id: 'u', userPrincipalName: 'alice@contoso.com' },
  rootCause: null,
  requestId: `run-${n}`,
});

describe('state store resilience', () => {
  let dir: string;
  let logs: string[];
  let restore: ReturnType<typeof setLogSink>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-resilience-'));
    logs = [];
    restore = setLogSink((line) => logs.push(line));
  });
  afterEach(() => {
    setLogSink(restore);
    rmSync(dir, { recursive: true, force: true });
  });

  it('records fifty concurrent audit entries about one user, none lost', async () => {
    const trail = new AuditTrail(new VersionedStore(new FileStorage(dir)));
    await Promise.all(Array.from({ length: 50 }, (_, n) => trail.append(entry(n))));
    const recorded = await trail.recent('alice@contoso.com', 100);
    expect(recorded).toHaveLength(50);
    expect(new Set(recorded.map((e) => e.requestId)).size).toBe(50);
  });

  it('creates the state directory again when it is deleted while running', async () => {
    const storage = new FileStorage(join(dir, 'state'));
    await storage.write({ a: { n: 1 } });
    rmSync(join(dir, 'state'), { recursive: true, force: true });
    expect(await storage.read(['a'])).toEqual({});
    await storage.write({ b: { n: 2 } });
    expect((await storage.read(['b'])).b).toMatchObject({ n: 2 });
  });

  it('moves a damaged record aside, logs it and reads it as absent', async () => {
    const storage = new FileStorage(dir);
    await storage.write({ 'passkey-doctor/runs/x': { n: 1 } });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{"key": "passkey-doctor/runs/x", "eTag": ');
    expect(await storage.read(['passkey-doctor/runs/x'])).toEqual({});
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/\.corrupt-\d+$/)]);
    expect(logs.join('\n')).toContain('moved aside and treated as absent');
    await storage.write({ 'passkey-doctor/runs/x': { n: 2 } });
    expect((await storage.read(['passkey-doctor/runs/x']))['passkey-doctor/runs/x']).toMatchObject({ n: 2 });
  });

  it('never reads a damaged workflow record (a TAP being issued) as absent', async () => {
    const storage = new FileStorage(dir);
    await storage.write({ 'workflow/tap-1': { data: { state: 'issuing' } } });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), 'null');
    await expect(storage.read(['workflow/tap-1'])).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    await expect(storage.write({ 'workflow/tap-1': { data: { state: 'requested' } } })).rejects.toMatchObject({ code: 'STORE_CORRUPT' });
    expect(readdirSync(dir)).toEqual([file]);
  });
});

describe('the bot when its state directory is deleted mid-run', () => {
  it('keeps answering diagnoses', async () => {
    const bot = await botHarness();
    try {
      expect(JSON.stringify(cardsIn(await bot.say('diagnose alice@contoso.com')))).toContain('no MFA-capable method');
      rmSync(bot.stateDir, { recursive: true, force: true });
      const again = JSON.stringify(cardsIn(await bot.say('diagnose alice@contoso.com')));
      expect(again).toContain('no MFA-capable method');
      expect(again).not.toContain('Unexpected');
    } finally {
      await bot.close();
    }
  });
});
