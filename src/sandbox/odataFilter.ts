/**
 * A parser for the `$filter` subset the audit-log endpoints accept:
 * `and`-joined comparisons (`eq`, `ne`, `ge`, `le`, `gt`, `lt`), optional
 * parentheses, and one-level lambdas `coll/any(x: x/prop eq 'v')`.
 * Each endpoint then decides which properties and operators it supports.
 */
import { GraphError } from './graphErrors';

export type FilterOperator = 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt';

export type FilterLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'dateTime'; value: number }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

/** One comparison. For a lambda, `property` is `collection/any/member` (e.g. `targetResources/any/id`). */
export interface FilterClause {
  property: string;
  operator: FilterOperator;
  literal: FilterLiteral;
}

type Token =
  | { kind: 'string'; value: string; position: number }
  | { kind: 'word'; value: string; position: number }
  | { kind: 'punct'; value: '(' | ')'; position: number };

const OPERATORS: readonly string[] = ['eq', 'ne', 'ge', 'le', 'gt', 'lt'];
const WORD = /[^\s()']/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;

function syntaxError(text: string, position: number): GraphError {
  return new GraphError(400, 'BadRequest', `Syntax error at position ${position} in '${text}'.`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'punct', value: char, position: index });
      index += 1;
    } else if (char === "'") {
      const start = index;
      let value = '';
      index += 1;
      for (;;) {
        if (index >= text.length) {
          throw new GraphError(400, 'BadRequest', `There is an unterminated string literal at position ${start} in '${text}'.`);
        }
        const next = text.charAt(index);
        if (next === "'" && text.charAt(index + 1) === "'") {
          value += "'";
          index += 2;
        } else if (next === "'") {
          index += 1;
          break;
        } else {
          value += next;
          index += 1;
        }
      }
      tokens.push({ kind: 'string', value, position: start });
    } else {
      const start = index;
      while (index < text.length && WORD.test(text.charAt(index))) index += 1;
      tokens.push({ kind: 'word', value: text.slice(start, index), position: start });
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): FilterClause[] {
    const clauses = this.conjunction();
    const extra = this.tokens[this.index];
    if (extra) throw syntaxError(this.text, extra.position);
    return clauses;
  }

  private conjunction(): FilterClause[] {
    const clauses = this.term();
    while (this.peekWord('and')) {
      this.index += 1;
      clauses.push(...this.term());
    }
    return clauses;
  }

  private term(): FilterClause[] {
    const token = this.next();
    if (token.kind === 'punct' && token.value === '(') {
      const clauses = this.conjunction();
      this.expectPunct(')');
      return clauses;
    }
    if (token.kind !== 'word') throw syntaxError(this.text, token.position);
    const lambda = /^(.+)\/any$/i.exec(token.value);
    if (lambda?.[1]) return [this.lambda(lambda[1])];
    return [this.comparison(token.value)];
  }

  private lambda(collection: string): FilterClause {
    this.expectPunct('(');
    const declaration = this.next();
    if (declaration.kind !== 'word') throw syntaxError(this.text, declaration.position);
    // `x:x/id` arrives as one word, `x: x/id` as two.
    const colon = declaration.value.indexOf(':');
    if (colon <= 0) throw syntaxError(this.text, declaration.position);
    const variable = declaration.value.slice(0, colon);
    const rest = declaration.value.slice(colon + 1);
    const memberToken = rest ? { kind: 'word' as const, value: rest, position: declaration.position + colon + 1 } : this.next();
    if (memberToken.kind !== 'word' || !memberToken.value.startsWith(`${variable}/`)) {
      throw syntaxError(this.text, memberToken.position);
    }
    const clause = this.comparison(`${collection}/any/${memberToken.value.slice(variable.length + 1)}`);
    this.expectPunct(')');
    return clause;
  }

  private comparison(property: string): FilterClause {
    const operatorToken = this.next();
    const operator = operatorToken.kind === 'word' ? operatorToken.value.toLowerCase() : '';
    if (!OPERATORS.includes(operator)) throw syntaxError(this.text, operatorToken.position);
    return { property, operator: operator as FilterOperator, literal: this.literal() };
  }

  private literal(): FilterLiteral {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'string', value: token.value };
    if (token.kind !== 'word') throw syntaxError(this.text, token.position);
    const word = token.value;
    if (DATE_TIME.test(word)) {
      const millis = Date.parse(word);
      if (!Number.isNaN(millis)) return { kind: 'dateTime', value: millis };
    }
    if (NUMBER.test(word)) return { kind: 'number', value: Number(word) };
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    throw syntaxError(this.text, token.position);
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw syntaxError(this.text, this.text.length);
    this.index += 1;
    return token;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'word' && token.value.toLowerCase() === word;
  }

  private expectPunct(value: '(' | ')'): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw syntaxError(this.text, token.position);
  }
}

/** Parses a `$filter` value; throws a 400 `GraphError` on bad syntax. */
export function parseFilter(text: string): FilterClause[] {
  return new Parser(text, tokenize(text)).parse();
}
