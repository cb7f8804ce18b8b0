import { sweepCard } from '../../src/cards/render';
import { progressText } from '../../src/cards/sweepView';
import type { SweepDocument } from '../../src/tenant/sweep/types';
import { cardProblems } from './adaptiveCardsParser';
import { ofType } from './cardTree';

const doc = (overrides: Partial<SweepDocument> = {}): SweepDocument => ({
  schemaVersion: 1,
  kind: 'sweep',
  group: { id: 'g', displayName: 'Finance *team*', members: 10_000 },
  summary: { 'has-passkey': 1200, ready: 7000, blocked: 1700, unknown: 100 },
  byCause: [
    { code: 'L3.NO_MFA_METHOD', layer: 3, count: 900 },
    { code: 'L1.EXCLUDED', layer: 1, count: 800 },
  ],
  users: [],
  notes: [],
  graph: { requests: 30, roundTrips: 30, reportsRequests: 12, memberReads: 0, ms: 30_500 },
  generatedAt: '2026-12-03T10:00:00.000Z',
  ...overrides,
});

const texts = (node: unknown): string[] =>
  Array.isArray(node) ? node.flatMap(texts) : node && typeof node === 'object'
    ? [...(typeof (node as any).text === 'string' ? [(node as any).text] : []), ...Object.values(node).flatMap(texts)]
    : [];

describe('the sweep card', () => {
  it('links the CSV download exactly as issued, whatever the token holds (a base64url token may start or end with _ or hold _-)', () => {
    for (const token of ['_AVQIfUbNXIkDiStM1oYWicfPCrSsix1', 'e_bXRXvp5sbc9n6lK_4Oc5FLUXuxLr3_', 'uu79gOytxTBXvcVxgA__kbB9-_ZIhAyL']) {
      const csvUrl = `https://bot.example/sweeps/${token}.csv`;
      const card: any = sweepCard({ kind: 'done', sweepId: 's-1', document: doc(), csvUrl, csvExpiresAt: '2026-12-04T10:00:00.000Z' });
      expect(ofType(card, 'Action.OpenUrl')[0].url).toBe(csvUrl);
    }
  });

  it('while running: a progress line with the time left, and Cancel carrying only the sweep id', () => {
    const progress = { phase: 'report' as const, membersRead: 10_000, judged: 4000, pagesRead: 15, pagesLeft: 6, quotaWaitMs: 0 };
    const card: any = sweepCard({ kind: 'running', sweepId: 's-1', groupName: 'Finance', progress, members: 10_000, startedAtMs: 0, nowMs: 26_667 });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('4,000 of 10,000 members, about 40 s left');
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Cancel', verb: 'sweep.cancel', data: { sweepId: 's-1' } }]);
  });

  it('says when it waits for the reports quota', () => {
    expect(progressText({ phase: 'report', membersRead: 100, judged: 50, pagesRead: 2, pagesLeft: 1, quotaWaitMs: 8000 }, 100, 5000)).toBe(
      "50 of 100 members, about 5 s left; waiting 8 s for Graph's reports quota",
    );
  });

  it('when done: counts by outcome, a bar chart of causes with a fallback, the same figures as a table with the fix, and the CSV link', () => {
    const card: any = sweepCard({ kind: 'done', sweepId: 's-1', document: doc(), csvUrl: 'https://bot.example/sweeps/abc.csv', csvExpiresAt: '2026-12-04T10:00:00.000Z' });
    // The renderer used in tests draws no charts, like iOS: it takes the fallback, which is what such clients show.
    expect(cardProblems(card)).toEqual(['parse: Unknown element type "Chart.HorizontalBar". Fallback will be used if present.']);
    expect(JSON.stringify(card).match(/\$\{[^}]*\}/g)).toBeNull();
    const [chart] = ofType(card, 'Chart.HorizontalBar');
    expect(chart.data).toEqual([{ x: 'L3.NO_MFA_METHOD', y: 900 }, { x: 'L1.EXCLUDED', y: 800 }]);
    expect(chart.fallback.type).toBe('TextBlock');
    const rows = ofType(card, 'TableRow');
    expect(rows).toHaveLength(3);
    expect(texts(rows[1])).toEqual(['L3.NO_MFA_METHOD', '900', expect.stringMatching(/Temporary Access Pass/)]);
    expect(texts(card)).toEqual(expect.arrayContaining(['Ready to register', '7,000', 'Blocked', '1,700']));
    // Tenant names are text, never Markdown.
    expect(card.body[0].text).toBe('Sweep of Finance \\*team\\*: 10,000 members');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Download members (CSV)', url: 'https://bot.example/sweeps/abc.csv' }]);
  });

  it('says once what no member could get', () => {
    const card = sweepCard({ kind: 'done', sweepId: 's-1', document: doc({ notes: ['The registration report could not be read.'] }), csvUrl: null, csvExpiresAt: null });
    expect(texts(card).filter((t) => t === 'The registration report could not be read.')).toHaveLength(1);
  });

  it('a sweep with nothing blocked shows no chart and no table', () => {
    const card = sweepCard({ kind: 'done', sweepId: 's-1', document: doc({ byCause: [] }), csvUrl: null, csvExpiresAt: null });
    expect(cardProblems(card)).toEqual([]);
    expect(ofType(card, 'Chart.HorizontalBar')).toEqual([]);
    expect(ofType(card, 'Table')).toEqual([]);
  });
});
