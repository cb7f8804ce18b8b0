import { FINDING_CODES, type FindingCode } from '../../src/model/findingCodes';
import { ruleSource, ruleSourceCodes } from '../../src/diagnosis/ruleSources';

const CODES = Object.keys(FINDING_CODES) as FindingCode[];

describe('every rule rests on a source kept beside the catalogue', () => {
  it.each(CODES)('%s names its page and the sentence it rests on', (code) => {
    const source = ruleSource(code);
    expect(source).toBeDefined();
    expect(source?.source).toMatch(/\S/);
    expect(source?.quote.length).toBeGreaterThan(10);
  });

  it('cites nothing for a code the catalogue does not have', () => {
    expect(ruleSourceCodes().filter((code) => !(code in FINDING_CODES))).toEqual([]);
  });

  it('lets only rules Microsoft states fail a layer', () => {
    const failing = CODES.filter((code) => FINDING_CODES[code].severity === 'fail');
    expect(failing.filter((code) => !ruleSource(code)?.microsoft || !ruleSource(code)?.url?.startsWith('https://learn.microsoft.com/'))).toEqual([]);
  });
});
