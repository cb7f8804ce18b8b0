/**
 * Message text as Teams delivers it, made plain in one linear pass. A
 * regular expression such as `/<[^>]*>/g` rescans the rest of the text from
 * every `<` that has no `>`, so a message of `<` characters took seconds per
 * 100 KB and froze the event loop for every user (health probe included).
 * The length limit applies before any parsing: no command is longer than a
 * line, and an overlong message is answered without reading it.
 */

/** Longer than any command with all its device options; Teams allows far longer messages. */
export const MAX_MESSAGE_CHARS = 2_000;

export const TOO_LONG =
  `That message is too long for a command (more than ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters). Type help to see the commands, e.g. diagnose alice@contoso.com.`;

export const isTooLong = (text: unknown): boolean => typeof text === 'string' && text.length > MAX_MESSAGE_CHARS;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Each tag becomes a space; a `<` with no `>` after it is text. Linear: once no `>` follows, none will. */
function withoutTags(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let noMoreClosers = false;
  while (!noMoreClosers) {
    const open = text.indexOf('<', from);
    if (open < 0) break;
    const close = text.indexOf('>', open + 1);
    if (close < 0) {
      noMoreClosers = true;
      break;
    }
    parts.push(text.slice(from, open), ' ');
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

export function normaliseText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return withoutTags(text)
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
}
