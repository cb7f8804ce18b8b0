import { durationText } from '../../src/diagnosis/wording';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('how long ago, as a technician reads it', () => {
  it.each([
    [7 * MINUTE + 20_000, '7 minutes'],
    [2 * HOUR + 59 * MINUTE, '3 hours'],
    [2 * HOUR + 20 * MINUTE, '2 hours'],
    [3 * 24 * HOUR - 2 * HOUR, '3 days'],
    [90 * MINUTE, '90 minutes'],
  ])('rounds %d ms to the nearest unit: %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
