import { startBot } from '../../src/bot/startup';
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
    await expect(startBot({ env: { BOT_ID: '7d3c0c55-1d1c-4bc6-a1a2-5b1f3f1f3f1f' }, port: 0 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'BOT_TYPE must be SingleTenant or UserAssignedMsi when BOT_ID is set.',
    });
  });
});
