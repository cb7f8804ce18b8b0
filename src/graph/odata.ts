/** OData literals and URL pieces (docs/graph-facts.md §18). */

/** A string inside an OData literal: apostrophes are doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A UPN or id as one path segment: `#` (as in `#EXT#`) and every other reserved character percent-encoded. */
export const pathSegment = (value: string): string => encodeURIComponent(value);

/** A `$filter` query value: clauses joined by ` and `, then percent-encoded as Graph expects. */
export const filterParam = (clauses: string[]): string => `$filter=${encodeURIComponent(clauses.join(' and '))}`;

/** Timestamps in `$filter` are unquoted ISO 8601 in UTC, to the second. */
export const odataDateTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
