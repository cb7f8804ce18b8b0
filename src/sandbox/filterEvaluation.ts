/**
 * Turns parsed `$filter` clauses into a predicate over one endpoint's records.
 * Each endpoint lists the properties and operators Graph documents for it;
 * anything else is rejected the way the audit-log service rejects it.
 */
import { invalidFilterClause } from './graphErrors';
import { parseFilter, type FilterClause, type FilterOperator } from './odataFilter';

export interface FilterableProperty<T> {
  type: 'string' | 'dateTime' | 'number';
  operators: readonly FilterOperator[];
  /** The record's values for this property; lambdas (`coll/any/member`) give one per member. */
  values: (record: T) => unknown[];
}

export type FilterableProperties<T> = Record<string, FilterableProperty<T>>;

function compare(left: number, operator: FilterOperator, right: number): boolean {
  switch (operator) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'ge':
      return left >= right;
    case 'le':
      return left <= right;
    case 'gt':
      return left > right;
    case 'lt':
      return left < right;
  }
}

function clausePredicate<T>(clause: FilterClause, properties: FilterableProperties<T>): (record: T) => boolean {
  const key = Object.keys(properties).find((name) => name.toLowerCase() === clause.property.toLowerCase());
  const property = key === undefined ? undefined : properties[key];
  if (!property || !property.operators.includes(clause.operator)) throw invalidFilterClause();
  const { literal, operator } = clause;

  if (property.type === 'string') {
    if (literal.kind !== 'string') throw invalidFilterClause();
    // Directory and audit string comparisons are case-insensitive.
    const wanted = literal.value.toLowerCase();
    const matches = (record: T) =>
      property.values(record).some((value) => typeof value === 'string' && value.toLowerCase() === wanted);
    return operator === 'ne' ? (record) => !matches(record) : matches;
  }

  const expectedKind = property.type === 'dateTime' ? 'dateTime' : 'number';
  if (literal.kind !== expectedKind || (literal.kind !== 'dateTime' && literal.kind !== 'number')) {
    throw invalidFilterClause();
  }
  const right = literal.value;
  return (record) =>
    property.values(record).some((value) => typeof value === 'number' && compare(value, operator, right));
}

/** A predicate for `$filter` (or accept-all when absent); throws 400 `GraphError`s. */
export function compileFilter<T>(text: string | null, properties: FilterableProperties<T>): (record: T) => boolean {
  if (text === null || text.trim() === '') return () => true;
  const predicates = parseFilter(text).map((clause) => clausePredicate(clause, properties));
  return (record) => predicates.every((predicate) => predicate(record));
}
