import { benchBotReply } from '../../src/bench/botReply';

describe('bot reply benchmark (round trips, not times)', () => {
  it('answers a warm diagnose from chat with one Graph round trip', async () => {
    const result = await benchBotReply();
    expect(result.warmRoundTrips).toBe(1);
  }, 30_000);
});
