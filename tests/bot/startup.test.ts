import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../../src/bot/startup';
import { loadConfig } from '../../src/config/schema';
import { setLogSink } from '../../src/logger';

describe('bot start-up', () => {
  let restore: ReturnType<typeof setLogSink>;
  beforeAll(() => {
    restore = setLogSink(() => undefined);
  });
  afterAll(() => setLogSink(restore));

  it('stops with one line naming OPERATORS_GROUP_ID when a tenant is configured without it', async () => {
    await expect(startBot({ env: { GRAPH_BASE_URL: 'http://127.0.0.1:9' }, port: 0 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^OPERATORS_GROUP_ID is required for the bot when a tenant is configured: .+\.$/),
    });
  });

  it('stops with one line when BOT_ID is set without a BOT_TYPE, since multi-tenant bots can no longer be created', async () => {
    await expect(startBot({ env: { BOT_ID: '7d3c0c55-1d1c-4bc6-a1a2-5b1f3f1f3f1f', SANDBOX: 'on' }, port: 0 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'BOT_TYPE must be SingleTenant or UserAssignedMsi when BOT_ID is set.',
    });
  });

  it('refuses to serve the demo tenant to a registered bot unless SANDBOX=on says so', () => {
    expect(() => loadConfig({ BOT_ID: '7d3c0c55-1d1c-4bc6-a1a2-5b1f3f1f3f1f' })).toThrow(/^BOT_ID is set but no Graph credential is: .+ or set SANDBOX=on/);
    expect(loadConfig({ BOT_ID: '7d3c0c55-1d1c-4bc6-a1a2-5b1f3f1f3f1f', SANDBOX: 'on' }).graph.mode).toBe('sandbox');
    expect(() => loadConfig({ SANDBOX: 'on', GRAPH_BASE_URL: 'http://127.0.0.1:9' })).toThrow(/^SANDBOX is on but a Graph tenant or emulator is configured/);
  });

  it('moves the playground with PORT, unless PLAYGROUND_PORT says where', () => {
    expect(loadConfig({}).playgroundPort).toBe(56150);
    expect(loadConfig({ PORT: '3979' }).playgroundPort).toBe(56151);
    expect(loadConfig({ PORT: '3979', PLAYGROUND_PORT: '40000' }).playgroundPort).toBe(40000);
  });

  it('says the port is in use, and how to pick another, when a second bot starts on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-port-'));
    const first = await startBot({ env: { STATE_STORE: `file:${dir}` }, port: 0 });
    try {
      await expect(startBot({ env: { STATE_STORE: `file:${dir}` }, port: first.port })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: `port ${first.port} is in use — stop the other one or set PORT (e.g. PORT=${first.port + 1} npm start)`,
      });
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
