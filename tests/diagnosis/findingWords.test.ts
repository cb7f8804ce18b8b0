/**
 * The words beside the finding-code catalogue: rules give a code and its
 * parameters, the table says it. Every layer speaks entirely through the table,
 * and so do the cross-layer (Graph) codes.
 */
import { said } from '../../src/diagnosis/finding';
import { FINDING_CODES, type FindingCode } from '../../src/model/findingCodes';
import { FINDING_WORDS, type WordsOfCodes } from '../../src/model/findingWords';
import { fillIn } from '../../src/model/words';
import * as mfaBootstrapWords from '../../src/model/findingWords/mfaBootstrap';
import * as recentMfaWords from '../../src/model/findingWords/recentMfa';

describe('finding words', () => {
  it('has a message for every code in the catalogue, the cross-layer (Graph) codes included', () => {
    const speechless = (Object.keys(FINDING_CODES) as FindingCode[]).filter((code) => !FINDING_WORDS[code] || Object.keys(FINDING_WORDS[code]!).length === 0);
    expect(speechless).toEqual([]);
  });

  it('holds words only for codes the catalogue has, each with a message and well-formed placeholders', () => {
    for (const [code, variants] of Object.entries(FINDING_WORDS as WordsOfCodes)) {
      expect(Object.keys(FINDING_CODES)).toContain(code);
      for (const text of Object.values(variants!)) {
        expect(text.message.length).toBeGreaterThan(0);
        for (const template of [text.message, text.fix ?? '']) expect(template.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });

  it('keeps the clauses and labels beside the layer-3 and layer-4 words well-formed too', () => {
    const { MFA_BOOTSTRAP_WORDS: _l3, ...l3 } = mfaBootstrapWords;
    const { RECENT_MFA_WORDS: _l4, ...l4 } = recentMfaWords;
    const templates = [...Object.values(l3), ...Object.values(l4)].flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value)));
    expect(templates.length).toBeGreaterThan(40);
    for (const template of templates) {
      expect(template.trim().length).toBeGreaterThan(0);
      expect(template.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
    }
  });

  it('lets a rule name only a reading its code has, and makes it name one where there is no default', () => {
    expect(said('L1.GUEST_USER', { name: 'Alice' }, { variant: 'external' }).message).toMatch(/^Alice is a guest account/);
    // @ts-expect-error L1.GUEST_USER has no reading called "member"
    expect(() => said('L1.GUEST_USER', { name: 'Alice' }, { variant: 'member' })).toThrow(/No words for finding L1.GUEST_USER \(member\)/);
    // @ts-expect-error L1.GUEST_USER reads only as internal or external: the rule must say which
    expect(() => said('L1.GUEST_USER', { name: 'Alice' })).toThrow(/No words for finding L1.GUEST_USER \(default\)/);
  });

  it('fills each placeholder from the parameters and leaves a missing one visible', () => {
    expect(fillIn('{name} is in the exclusion {exclusions}.', { name: 'Alice', exclusions: '"Pilot"' })).toBe('Alice is in the exclusion "Pilot".');
    expect(fillIn('Add {name} to {groups}.', { name: 'Alice' })).toBe('Add Alice to {groups}.');
  });
});
