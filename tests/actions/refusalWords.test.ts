/**
 * The words beside the refusal catalogue: every code a workflow can refuse
 * with has a sentence, every sentence belongs to a code, and the placeholders
 * are well formed, so a writer editing refusalWords.ts cannot break a refusal.
 */
import { REFUSAL_WORDS } from '../../src/actions/refusalWords';
import { refusalText, refuse } from '../../src/actions/refusals';
import { REFUSAL_CODES as CODES } from '../support/refusalCodes';


describe('refusal words', () => {
  it('has at least one sentence for every refusal code', () => {
    const words: Record<string, Record<string, string>> = REFUSAL_WORDS;
    expect(Object.keys(CODES).filter((code) => Object.keys(words[code] ?? {}).length === 0)).toEqual([]);
  });

  it('holds words only for codes the catalogue has, each non-empty with well-formed placeholders', () => {
    for (const [code, variants] of Object.entries(REFUSAL_WORDS)) {
      expect(Object.keys(CODES)).toContain(code);
      for (const template of Object.values(variants) as string[]) {
        expect(template.trim().length).toBeGreaterThan(0);
        expect(template.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });

  it('fills the sentence from the parameters and the variant the workflow names', () => {
    expect(refuse('REQUEST.DENIED', { denier: 'Olga Reyes' })).toEqual({ kind: 'refused', code: 'REQUEST.DENIED', message: 'Olga Reyes denied this request.' });
    expect(refuse('REQUEST.EXPIRED', { expiresAt: '2026-11-22 18:00 UTC' }, { variant: 'removal', suggest: 'rerun' })).toEqual({
      kind: 'refused',
      code: 'REQUEST.EXPIRED',
      message: 'This request expired at 2026-11-22 18:00 UTC; list the passkeys again to make a new one.',
      suggest: 'rerun',
    });
    expect(refusalText('ESCALATION.NO_CHANNEL', { team: 'identity team', owner: 'identity' })).toBe(
      'No channel is registered for the identity team: in their Teams channel, mention Passkey Doctor and type "route identity here", then escalate again.',
    );
  });
});
