import { registrationReport } from '../../../src/tenant/report/aggregate';
import { causeOf } from '../../../src/tenant/report/reasons';
import { daysOf, previousWindow, reportWindow } from '../../../src/tenant/report/window';

import { EVENTS, UNKNOWN_KEY, YUBIKEY, ev, now, usage, window } from './fixtures';

describe('registration report aggregation (hand-counted)', () => {
  const report = registrationReport({ window, previousWindow: previousWindow(window), events: EVENTS, usage, generatedAt: now.toISOString() });

  it('covers the last whole UTC days before now, across the month end', () => {
    expect(report.from).toBe('2026-11-29T00:00:00.000Z');
    expect(report.to).toBe('2026-12-02T00:00:00.000Z');
    expect(report.byDay.map((d) => d.date)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('counts only passkey / FIDO2 registration activities inside the window', () => {
    expect(report.totals).toEqual({ attempts: 8, failures: 5, successes: 3, users: 4 });
  });

  it('sums byDay to the totals, day by day as counted by hand', () => {
    expect(report.byDay).toEqual([
      { date: '2026-11-29', failures: 1, successes: 1 },
      { date: '2026-11-30', failures: 3, successes: 1 },
      { date: '2026-12-01', failures: 1, successes: 1 },
    ]);
    expect(report.byDay.reduce((s, d) => s + d.failures, 0)).toBe(report.totals.failures);
    expect(report.byDay.reduce((s, d) => s + d.successes, 0)).toBe(report.totals.successes);
  });

  it('keeps an unknown reason verbatim as its own cause, and maps known ones to a layer and fix', () => {
    const unknown = report.byReason.find((r) => r.reason === 'Quantum flux misaligned')!;
    expect(unknown).toMatchObject({ cause: 'Quantum flux misaligned', layer: null, fix: null, failures: 2, users: 1 });
    const blocked = report.byReason.find((r) => r.cause === 'authenticator-not-allowed')!;
    expect(blocked).toMatchObject({ layer: 2, failures: 1, users: 1 });
    expect(blocked.fix).toMatch(/passkey profile/);
    expect(report.byReason.find((r) => r.reason === 'no reason given')).toMatchObject({ failures: 1, users: 1 });
    expect(report.byReason.reduce((s, r) => s + r.failures, 0)).toBe(report.totals.failures);
  });

  it('names authenticators through the catalogue and keeps events without an AAGUID as "Not recorded"', () => {
    const yubikey = report.byAuthenticator.find((a) => a.aaguid === YUBIKEY)!;
    expect(yubikey.name).toMatch(/YubiKey/);
    expect(yubikey).toMatchObject({ failures: 1, successes: 2 });
    expect(report.byAuthenticator.find((a) => a.aaguid === null)).toMatchObject({ name: 'Not recorded', failures: 3, successes: 1 });
    expect(report.byAuthenticator.find((a) => a.aaguid === UNKNOWN_KEY)!.name).toContain(UNKNOWN_KEY);
    const sum = report.byAuthenticator.reduce((s, a) => s + a.failures + a.successes, 0);
    expect(sum).toBe(report.totals.attempts);
  });

  it('lists people with more than two failures for outreach, with their last failure', () => {
    expect(report.outreach).toEqual([
      { userPrincipalName: 'amy@contoso.com', failures: 4, lastFailure: '2026-12-01T07:00:00Z', lastReason: 'User cancelled the registration' },
    ]);
  });

  it('compares with the window of the same length just before', () => {
    expect(report.previous).toEqual({ failures: 2, successes: 1 });
  });

  it('lists each failed attempt for the CSV, in time order', () => {
    expect(report.failedAttempts!.map((f) => f.time)).toEqual([
      '2026-11-29T00:00:00Z',
      '2026-11-30T00:30:00Z',
      '2026-11-30T12:00:00Z',
      '2026-11-30T23:59:59.999Z',
      '2026-12-01T07:00:00Z',
    ]);
  });
});

describe('edge windows', () => {
  it('an empty window still lists every day, all zero', () => {
    const w = reportWindow(new Date('2027-01-01T00:00:00Z'), 7);
    const report = registrationReport({ window: w, previousWindow: previousWindow(w), events: [], usage, generatedAt: 'x' });
    expect(report.totals).toEqual({ attempts: 0, failures: 0, successes: 0, users: 0 });
    expect(report.byDay.map((d) => d.date)).toEqual(['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    expect(report.byDay.every((d) => d.failures === 0 && d.successes === 0)).toBe(true);
    expect(report.outreach).toEqual([]);
    expect(report.byReason).toEqual([]);
  });

  it('a 30-day window across February in a leap year has 30 days', () => {
    const w = reportWindow(new Date('2028-03-10T12:00:00Z'), 30);
    expect(daysOf(w)).toHaveLength(30);
    expect(daysOf(w)).toContain('2028-02-29');
    expect(previousWindow(w).to).toBe(w.from);
  });

  it('an event just before midnight UTC counts on its own UTC day, whatever the local zone', () => {
    const w = reportWindow(new Date('2026-06-03T01:00:00Z'), 2);
    const report = registrationReport({
      window: w,
      previousWindow: previousWindow(w),
      events: [ev('2026-06-01T23:59:00Z', 'a@x', 'failure', 'r'), ev('2026-06-02T00:01:00+02:00', 'a@x', 'failure', 'r')],
      usage,
      generatedAt: 'x',
    });
    expect(report.byDay).toEqual([
      { date: '2026-06-01', failures: 2, successes: 0 },
      { date: '2026-06-02', failures: 0, successes: 0 },
    ]);
  });
});

describe('reason causes', () => {
  it.each([
    ['User canceled the registration.', 'user-cancelled', null],
    ['Key restriction: AAGUID not in the allow list', 'authenticator-not-allowed', 2],
    ['Attestation statement could not be verified', 'attestation-failed', 2],
    ['User needs to perform multi-factor authentication', 'mfa-required', 4],
    ['Something new from Entra', 'Something new from Entra', null],
  ])('%s → %s (layer %s)', (reason, cause, layer) => {
    expect(causeOf(reason)).toMatchObject({ cause, layer });
  });
});
