/** Tolerant readers for Graph JSON: absent or mistyped values become null, never a crash. */
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
export const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');
/** The `value` array of a collection response. */
export const values = (body: unknown): Json[] => arr(obj(body).value).map(obj);
