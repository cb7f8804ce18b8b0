/**
 * The words beside the refusal catalogue: every code a workflow can refuse
 * with has a sentence, every sentence belongs to a code, and the placeholders
 * are well formed, so a writer editing refusalWords.ts cannot break a refusal.
 */
import { REFUSAL_WORDS } from '../../src/actions/refusalWords';
import { refusalText, refuse, type RefusalCode } from '../../src/actions/refusals';

// A record, not an array: the type checker fails this file when a code is added to or dropped from the union without it.
const CODES: Record<RefusalCode, true> = {
  'AUTH.NOT_OPERATOR': true,
  'AUTH.NOT_APPROVER': true,
  'AUTH.OWN_REQUEST': true,
  'AUTH.NOT_CONFIGURED': true,
  'AUTH.CHECK_FAILED': true,
  'REQUEST.UNKNOWN': true,
  'REQUEST.OTHER_CONVERSATION': true,
  'REQUEST.ALREADY_OPEN': true,
  'REQUEST.ALREADY_DONE': true,
  'REQUEST.IN_PROGRESS': true,
  'REQUEST.DENIED': true,
  'REQUEST.EXPIRED': true,
  'REQUEST.RATE_LIMITED': true,
  'TARGET.NOT_FOUND': true,
  'TARGET.GUEST': true,
  'TARGET.DISABLED': true,
  'TARGET.PRIVILEGED': true,
  'TARGET.TAP_DISABLED': true,
  'TARGET.TAP_OUT_OF_SCOPE': true,
  'TARGET.UNCHECKED': true,
  'PASSKEY.NOT_FOUND': true,
  'GRAPH.FAILED': true,
  'ESCALATION.NO_OWNER': true,
  'ESCALATION.NO_CHANNEL': true,
};

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
