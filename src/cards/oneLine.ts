/**
 * Finding messages shortened for the places a card gives them one line (the
 * list of changes): the first sentence, cut at its first clause
 * break outside parentheses when long. The full message stays in the summary
 * and the fix steps.
 */
const CLAUSE_BREAKS = ['; ', ', so ', ': ', ' — '];
const SHORT_ENOUGH = 100;
const MAX_LENGTH = 140;
/** A shorter head ("Passkey profiles that apply to Alice:") says nothing without what follows it. */
const MIN_CLAUSE = 60;

/** The message's first sentence, whole: for rows that wrap. */
export const firstSentence = (message: string): string => message.split(/(?<=[.!?])\s+(?=[A-Z])/)[0];

export function oneLine(message: string): string {
  const sentence = firstSentence(message);
  if (sentence.length <= SHORT_ENOUGH) return sentence;
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && i >= MIN_CLAUSE && CLAUSE_BREAKS.some((b) => sentence.startsWith(b, i))) return `${sentence.slice(0, i)}.`;
  }
  if (sentence.length <= MAX_LENGTH) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', MAX_LENGTH))}…`;
}
