import { benchBotReply } from '../../src/bench/botReply';

describe('bot reply benchmark (round trips, not times)', () => {
  it('measures a warm diagnosis from chat at one Graph round trip', async () => {
    const result = await benchBotReply();
    expect(result.warmRoundTrips).toBe(1);
    expect(result.coldMs).toBeGreaterThan(result.warmMs);
    expect(result.warmMs).toBeGreaterThanOrEqual(100);
  }, 30_000);
});
