/**
 * Names and other values from the directory or a person are shown as text:
 * a display name written as a Markdown link must not become a live link in
 * the shared request card, the verdict card or the audit card.
 */
import type { TapRecord } from '../../src/actions/tapRecord';
import { auditCard, tapRequestCard, verdictCard } from '../../src/cards/render';
import { escapeMarkdown } from '../../src/cards/markdown';
import { sampleVerdicts } from '../cards/sampleVerdicts';

const HOSTILE = '[Approve here](https://evil.example)';
/** A Markdown link not preceded by a backslash: what Teams would make clickable. */
const LIVE_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(https:\/\/evil/;

const texts = (card: unknown): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'value' || key === 'title') && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return found;
};

describe('escapeMarkdown', () => {
  it('neutralises links, emphasis, code and mentions, and leaves codes alone', () => {
    expect(escapeMarkdown(HOSTILE)).toBe('\\[Approve here\\](https://evil.example)');
    expect(escapeMarkdown('*bold* _it_ `x` <at>y</at> a\\b')).toBe('\\*bold\\* \\_it\\_ \\`x\\` \\<at\\>y\\</at\\> a\\\\b');
    expect(escapeMarkdown('L3.NO_MFA_METHOD')).toBe('L3.NO_MFA_METHOD');
  });
});

describe('cards show directory values as text', () => {
  const record: TapRecord = {
    kind: 'tap',
    id: 'tap-1',
    runId: '00000000-0000-4000-8000-000000000000',
    state: 'requested',
    target: { id: '11111111-1111-4111-8111-111111111111', userPrincipalName: 'mallory@contoso.com', displayName: HOSTILE },
    rootCause: 'L3.NO_MFA_METHOD',
    conversationId: 'c',
    requestedBy: { id: '22222222-2222-4222-8222-222222222222', name: `**Boss** ${HOSTILE}` },
    requestedAt: '2026-12-01T10:00:00Z',
    expiresAt: '2026-12-01T18:00:00Z',
    history: [],
  };

  it('the shared TAP request card has no live link from a display name', () => {
    const shown = texts(tapRequestCard(record));
    expect(shown.some((t) => t.includes('Approve here'))).toBe(true);
    for (const text of shown) expect(text).not.toMatch(LIVE_LINK);
    expect(shown.join('\n')).not.toMatch(/(?<!\\)\*\*Boss/);
  });

  it('the audit card escapes who and the note', () => {
    const card = auditCard('mallory@contoso.com', [
      { time: '2026-12-01T10:00:00Z', who: { id: 'x', name: HOSTILE }, what: 'diagnosis', target: { id: null, userPrincipalName: 'mallory@contoso.com' }, rootCause: null, requestId: null, note: HOSTILE },
    ]);
    for (const text of texts(card)) expect(text).not.toMatch(LIVE_LINK);
  });

  it('the verdict card escapes the user\'s name but keeps its own Microsoft Learn links live', async () => {
    const [alice] = await sampleVerdicts();
    const verdict = { ...alice.verdict, user: { ...alice.verdict.user!, displayName: HOSTILE } };
    const shown = texts(verdictCard(verdict, alice.verdict.user!.id));
    for (const text of shown) expect(text).not.toMatch(LIVE_LINK);
    expect(shown.some((t) => /(?<!\\)\[[^\]]+\]\(https:\/\/learn\.microsoft\.com/.test(t))).toBe(true);
  });
});
