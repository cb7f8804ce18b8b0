import { parseFilter } from '../../src/sandbox/odataFilter';

describe('sandbox $filter parser', () => {
  it('reads a doubled apostrophe as one apostrophe', () => {
    expect(parseFilter("userPrincipalName eq 'o''neil@contoso.com'")).toEqual([
      { property: 'userPrincipalName', operator: 'eq', literal: { kind: 'string', value: "o'neil@contoso.com" } },
    ]);
  });

  it('reads and-joined clauses with unquoted date-times, in any case of and', () => {
    const clauses = parseFilter("appId eq 'x' AND createdDateTime ge 2026-11-15T10:00:00Z and createdDateTime le 2026-11-16T10:00:00.5Z");

    expect(clauses.map((clause) => clause.operator)).toEqual(['eq', 'ge', 'le']);
    expect(clauses[1]?.literal).toEqual({ kind: 'dateTime', value: Date.parse('2026-11-15T10:00:00Z') });
  });

  it('reads a lambda over a collection with or without a space after the colon', () => {
    const spaced = parseFilter("targetResources/any(t: t/id eq 'abc')");
    const tight = parseFilter("targetResources/any(x:x/id eq 'abc')");

    expect(spaced).toEqual([{ property: 'targetResources/any/id', operator: 'eq', literal: { kind: 'string', value: 'abc' } }]);
    expect(tight).toEqual(spaced);
  });

  it('reads parentheses and numbers', () => {
    expect(parseFilter('(status/errorCode eq 0)')).toEqual([
      { property: 'status/errorCode', operator: 'eq', literal: { kind: 'number', value: 0 } },
    ]);
  });

  it.each([
    ["userPrincipalName eq 'o'neil@contoso.com'", 'an undoubled apostrophe'],
    ["userPrincipalName eq 'carol@contoso.com", 'an unterminated literal'],
    ["userPrincipalName eq 'a' or userId eq 'b'", 'or'],
    ["startswith(userPrincipalName, 'a')", 'a function call'],
    ['createdDateTime ge yesterday', 'a bare word literal'],
    ["userPrincipalName eq 'a' and", 'a dangling and'],
  ])('rejects %s (%s) with a 400', (text) => {
    expect(() => parseFilter(text)).toThrow(expect.objectContaining({ status: 400, code: 'BadRequest' }));
  });
});
