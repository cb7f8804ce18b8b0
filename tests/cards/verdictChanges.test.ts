import { verdictChanges } from '../../src/cards/verdictChanges';
import type { LayerResult, Verdict } from '../../src/model/verdictTypes';

const layer = (n: number, status: LayerResult['status'], codes: Array<[string, LayerResult['findings'][number]['severity']]> = []): LayerResult => ({
  layer: n as LayerResult['layer'],
  title: `Layer title ${n}`,
  status,
  owner: 'identity-team',
  findings: codes.map(([code, severity]) => ({ code: code as never, severity, message: `${code} happened at ${Date.now()}.` })),
});

const verdict = (outcome: Verdict['outcome'], layers: LayerResult[], generatedAt = '2026-11-22T09:58:12Z'): Verdict => ({
  schemaVersion: 1,
  subject: 'alice@contoso.com',
  user: null,
  outcome,
  rootCause: null,
  layers,
  recentFailures: [],
  suggestedActions: [],
  graph: { requests: 1, roundTrips: 1 },
  generatedAt,
});

describe('what changed between two runs', () => {
  const before = verdict('blocked', [layer(1, 'pass'), layer(3, 'fail', [['L3.NO_MFA_METHOD', 'fail'], ['L3.MFA_METHODS', 'info']])]);
  const after = verdict('at-risk', [layer(1, 'warn', [['L1.TARGET_GROUP_MISSING', 'warn']]), layer(3, 'pass', [['L3.TAP_USABLE', 'info']])], '2026-11-22T10:05:00Z');

  it('lists the outcome, layers whose status moved, and findings that appeared or cleared, coloured by direction', () => {
    expect(verdictChanges(before, after)).toEqual({
      since: '2026-11-22 09:58 UTC',
      items: [
        { text: 'Outcome: Blocked → At risk', color: 'Good' },
        { text: 'Layer 1 · Layer title 1: Pass → Warning', color: 'Attention' },
        { text: 'Layer 3 · Layer title 3: Fail → Pass', color: 'Good' },
        { text: expect.stringMatching(/^New in layer 1: L1.TARGET_GROUP_MISSING happened at/), color: 'Attention' },
        { text: expect.stringMatching(/^Cleared in layer 3: L3.NO_MFA_METHOD happened at/), color: 'Good' },
      ],
    });
  });

  it('ignores info findings and messages that only differ in their times', () => {
    const again = verdict('blocked', before.layers.map((l) => ({ ...l, findings: l.findings.map((f) => ({ ...f, message: `${f.message} later` })) })));
    expect(verdictChanges(before, again).items).toEqual([]);
  });
});
