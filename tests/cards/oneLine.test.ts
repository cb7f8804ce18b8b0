import { oneLine } from '../../src/cards/oneLine';

describe('one-line reasons on layer rows', () => {
  it('keeps short messages whole', () => {
    expect(oneLine("Carol Baker's MFA-capable methods: Microsoft Authenticator.")).toBe("Carol Baker's MFA-capable methods: Microsoft Authenticator.");
  });

  it('cuts a long sentence at its first clause break', () => {
    expect(oneLine('Alice Wong has no MFA-capable method and no usable Temporary Access Pass, so they cannot pass the MFA that Security info asks for before a passkey can be added.'))
      .toBe('Alice Wong has no MFA-capable method and no usable Temporary Access Pass.');
  });

  it('never cuts inside parentheses or leaves a head without its point', () => {
    const profiles = 'Passkey profiles that apply to Alice Wong: Default passkey profile (device-bound and synced; no attestation; any authenticator).';
    expect(oneLine(profiles)).toBe(profiles);
  });

  it('keeps only the first sentence and clips what has no break at a word', () => {
    expect(oneLine('Short first sentence. Second one.')).toBe('Short first sentence.');
    const long = `${'word '.repeat(40)}end`;
    expect(oneLine(long).endsWith('word…')).toBe(true);
    expect(oneLine(long).length).toBeLessThanOrEqual(141);
  });
});
