import { csvField } from '../../src/tenant/csv';
import { csvLine } from '../../src/tenant/sweep/csv';

describe('sweep CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('Wong, Alice')).toBe('"Wong, Alice"');
    expect(csvField('Alice "Al" Wong')).toBe('"Alice ""Al"" Wong"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(null)).toBe('');
  });

  it('writes one line per member in the header order', () => {
    const line = csvLine({ id: 'id-1', userPrincipalName: 'a@contoso.com', displayName: 'Wong, "Al"', outcome: 'blocked', rootCause: { layer: 1, code: 'L1.EXCLUDED' }, hasPasskey: false });
    expect(line).toBe('a@contoso.com,"Wong, ""Al""",id-1,blocked,1,L1.EXCLUDED,false,\r\n');
  });
});
