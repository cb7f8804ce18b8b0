/** Plain JSON object helpers for fixture data. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function objectOrEmpty(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}
