import { digestCard } from '../../src/cards/render';
import { VERBS } from '../../src/cards/verbs';
import { registrationReport } from '../../src/tenant/report/aggregate';
import type { RegistrationReport } from '../../src/tenant/report/types';
import { previousWindow, reportWindow } from '../../src/tenant/report/window';
import { EVENTS, ev, now, usage, window } from '../tenant/report/fixtures';
import { cardProblems } from './adaptiveCardsParser';
import { find } from './cardTree';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

const DIGEST_ID = '5f0c7d7e-2b7a-4f57-9d4b-8d2f3a1c6e10';
const report = (): RegistrationReport => registrationReport({ window, previousWindow: previousWindow(window), events: EVENTS, usage, generatedAt: now.toISOString() });

/** What a client without charts draws: the renderer's own parse, which swaps in each element's fallback. */
function rendered(card: unknown): any {
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, new AC.SerializationContext());
  return parsed.toJSON();
}

describe('the weekly digest card', () => {
  const card: any = digestCard(report(), DIGEST_ID);

  it('carries a vertical bar chart of failures per day and a donut of failures by cause', () => {
    const [bars] = find(card, (n) => n.type === 'Chart.VerticalBar');
    expect(bars.data).toEqual([
      { x: '29 Nov', y: 1 },
      { x: '30 Nov', y: 3 },
      { x: '1 Dec', y: 1 },
    ]);
    const [donut] = find(card, (n) => n.type === 'Chart.Donut');
    expect(donut.data).toEqual(
      expect.arrayContaining([
        { legend: 'Quantum flux misaligned', value: 2 },
        { legend: 'Authenticator not allowed by the passkey profile', value: 1 },
        { legend: 'Cancelled by the user', value: 1 },
        { legend: 'No reason logged', value: 1 },
      ]),
    );
    expect(donut.data.reduce((s: number, d: any) => s + d.value, 0)).toBe(5);
  });

  it('renders in the adaptivecards renderer: only the chart types are unknown to it, and it draws their fallback tables', () => {
    expect(cardProblems(card)).toEqual([
      'parse: Unknown element type "Chart.VerticalBar". Fallback will be used if present.',
      'parse: Unknown element type "Chart.Donut". Fallback will be used if present.',
    ]);
    const drawn = rendered(card);
    expect(find(drawn, (n) => typeof n.type === 'string' && n.type.startsWith('Chart.'))).toEqual([]);
    const [perDay] = find(drawn, (n) => n.type === 'Table' && n.id === 'failuresPerDayTable');
    expect(perDay.rows.map((r: any) => r.cells.map((c: any) => c.items[0].text))).toEqual([
      ['Day', 'Failed', 'Succeeded'],
      ['Sun 29 Nov', '1', '1'],
      ['Mon 30 Nov', '3', '1'],
      ['Tue 1 Dec', '1', '1'],
    ]);
    expect(find(drawn, (n) => n.type === 'Table' && n.id === 'failuresByCauseTable')).toHaveLength(1);
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
  });

  it('headlines failures against the previous window with an arrow', () => {
    const facts = find(card, (n) => n.type === 'FactSet')[0].facts;
    expect(facts).toEqual([
      { title: 'Attempts', value: '8 by 4 people' },
      { title: 'Failed', value: 'failed: 5 ↑ from 2' },
      { title: 'Succeeded', value: 'succeeded: 3 ↑ from 1' },
    ]);
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('5 failed passkey registrations (63%)');
  });

  it('gives each person to reach out to a Diagnose button whose data is only the digest id and a row number', () => {
    const buttons = find(card, (n) => n.type === 'Action.Execute');
    expect(buttons).toEqual([{ type: 'Action.Execute', title: 'Diagnose', verb: VERBS.digestDiagnose, data: { digestId: DIGEST_ID, row: 0 } }]);
    expect(JSON.stringify(card)).toContain('amy@contoso.com');
  });

  it('shows the top authenticators and the fixes a diagnosis would give', () => {
    const [table] = find(card, (n) => n.type === 'Table' && n.id === 'authenticators');
    expect(table.rows[1].cells[0].items[0].text).toBe('Not recorded');
    expect(JSON.stringify(card)).toContain('Layer 2 — Authenticator not allowed by the passkey profile (1)');
  });

  it('escapes Markdown in reasons and names that come from the tenant, but not in chart labels', () => {
    const r = registrationReport({
      window,
      previousWindow: previousWindow(window),
      events: [1, 2, 3].map(() => ev('2026-11-30T10:00:00Z', 'x_y@contoso.com', 'failure', '[click](https://evil.example) *now*')),
      usage,
      generatedAt: now.toISOString(),
    });
    const text = JSON.stringify(digestCard(r, DIGEST_ID));
    expect(text).toContain('\\\\[click\\\\](https://evil.example) \\\\*now\\\\*');
    const [donut] = find(digestCard(r, DIGEST_ID), (n) => n.type === 'Chart.Donut');
    expect(donut.data[0].legend).toBe('[click](https://evil.example) *now*');
  });

  it('says so when nobody failed, and draws no donut for an empty window', () => {
    const w = reportWindow(new Date('2027-01-01T00:00:00Z'), 7);
    const empty: any = digestCard(registrationReport({ window: w, previousWindow: previousWindow(w), events: [], usage, generatedAt: 'x' }), DIGEST_ID);
    expect(find(empty, (n) => n.type === 'Chart.Donut')).toEqual([]);
    expect(JSON.stringify(empty)).toContain('Nobody failed more than twice.');
    expect(find(empty, (n) => n.type === 'Action.Execute')).toEqual([]);
  });
});
