import { POLICY_CODES, policyCodeIds } from '../../src/tenant/policyCheck/codes';

describe('the policy-check code catalogue', () => {
  it('gives every code a Microsoft page and the sentence it rests on', () => {
    for (const code of policyCodeIds()) {
      expect([code, POLICY_CODES[code].url]).toEqual([code, expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//)]);
      expect([code, POLICY_CODES[code].quote.length > 20]).toEqual([code, true]);
    }
  });

  it('never lets a rule Microsoft does not state fail', () => {
    const failing = policyCodeIds().filter((c) => !POLICY_CODES[c].microsoft && POLICY_CODES[c].severity === 'fail');
    expect(failing).toEqual([]);
  });

  it('names only Maester checks that exist for these settings (EIDSCA.AF01–AF06, AT01–AT02, MT.1011, MT.1067)', () => {
    const known = new Set(['EIDSCA.AF01', 'EIDSCA.AF02', 'EIDSCA.AF03', 'EIDSCA.AF04', 'EIDSCA.AF05', 'EIDSCA.AF06', 'EIDSCA.AT01', 'EIDSCA.AT02', 'MT.1011', 'MT.1067']);
    for (const code of policyCodeIds()) if (POLICY_CODES[code].maester) expect([code, known.has(POLICY_CODES[code].maester!)]).toEqual([code, true]);
  });
});
