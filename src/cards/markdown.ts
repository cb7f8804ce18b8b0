/**
 * Teams renders TextBlock and FactSet text as Markdown (links, emphasis,
 * lists), so a display name such as `[Approve here](https://evil.example)`
 * would become a live link in a shared card. Every value a view takes from
 * the directory or from a person passes through `escapeMarkdown`; cards are
 * expanded with all view strings escaped except the few fields that are ids,
 * URLs, layout names or Markdown Passkey Doctor writes itself.
 */

/**
 * CommonMark lets any ASCII punctuation be escaped; these are the ones that
 * start emphasis, links, code or mentions. An underscore between two letters
 * or digits (`L3.NO_MFA_METHOD`) cannot open or close emphasis, so it stays
 * as it is.
 */
const SPECIAL = /[\\`*~[\]<>]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

export const escapeMarkdown = (text: string): string => text.replace(SPECIAL, (c) => `\\${c}`);

/** View fields that are not shown as Markdown text, or are Markdown built from catalogue links. */
const VERBATIM = new Set([
  'runId', 'requestId', 'methodId', 'id', 'sweepId', 'csvUrl', 'color', 'style', 'fallbackText', 'links', 'pass', 'deviceFormCard', 'blade',
  'digestId', 'x', 'legend',
]);

/** A copy of a view model with every displayed string escaped. */
export function escapeView<T>(value: T, key = ''): T {
  if (VERBATIM.has(key)) return value;
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((item) => escapeView(item)) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) copy[name] = escapeView(field, name);
    return copy as T;
  }
  return value;
}
