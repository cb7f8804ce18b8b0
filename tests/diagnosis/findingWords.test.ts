/**
 * The words beside the finding-code catalogue: rules give a code and its
 * parameters, the table says it. Layers 1, 2 and 6 speak entirely through the
 * table; the other layers move to it one by one, and this test widens with them.
 */
import { FINDING_CODES, type FindingCode } from '../../src/model/findingCodes';
import { FINDING_WORDS, fillIn } from '../../src/model/findingWords';

const codesOfLayer = (layer: number) => (Object.keys(FINDING_CODES) as FindingCode[]).filter((c) => FINDING_CODES[c].layer === layer);

describe('finding words', () => {
  it.each([1, 2, 6])('has a message for every layer-%i code', (layer) => {
    expect(codesOfLayer(layer).filter((code) => !FINDING_WORDS[code] || Object.keys(FINDING_WORDS[code]!).length === 0)).toEqual([]);
  });

  it('holds words only for codes the catalogue has, each with a message and well-formed placeholders', () => {
    for (const [code, variants] of Object.entries(FINDING_WORDS)) {
      expect(Object.keys(FINDING_CODES)).toContain(code);
      for (const text of Object.values(variants!)) {
        expect(text.message.length).toBeGreaterThan(0);
        for (const template of [text.message, text.fix ?? '']) expect(template.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });

  it('fills each placeholder from the parameters and leaves a missing one visible', () => {
    expect(fillIn('{name} is in the exclusion {exclusions}.', { name: 'Alice', exclusions: '"Pilot"' })).toBe('Alice is in the exclusion "Pilot".');
    expect(fillIn('Add {name} to {groups}.', { name: 'Alice' })).toBe('Add Alice to {groups}.');
  });
});
