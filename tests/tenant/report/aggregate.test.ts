import { registrationReport } from '../../../src/tenant/report/aggregate';
import { causeOf } from '../../../src/tenant/report/reasons';
import type { RegistrationEvent } from '../../../src/tenant/report/types';
import { daysOf, previousWindow, reportWindow } from '../../../src/tenant/report/window';

const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const UNKNOWN_KEY = '11111111-2222-3333-4444-555555555555';
let n = 0;
const ev = (time: string, upn: string | null, result: string, reason: string | null = null, aaguid: string | null = null, activity = 'Add Passkey (device-bound)'): RegistrationEvent => ({
  id: `e${++n}`,
  time,
  userPrincipalName: upn,
  activity,
  result,
  reason,
  aaguid,
});
const usage = { requests: 2, roundTrips: 1, ms: 5 };

/** A 3-day window that crosses a month end: 2026-11-29, 11-30, 12-01 (to = 2026-12-02T00:00Z). */
const now = new Date('2026-12-02T09:30:00Z');
const window = reportWindow(now, 3);

const EVENTS: RegistrationEvent[] = [
  // Previous window (2026-11-26 .. 11-28): 2 failures, 1 success.
  ev('2026-11-26T10:00:00Z', 'zoe@contoso.com', 'failure', 'User canceled the registration.'),
  ev('2026-11-28T23:59:59.999Z', 'zoe@contoso.com', 'failure', 'User canceled the registration.'),
  ev('2026-11-27T08:00:00Z', 'zoe@contoso.com', 'success', null, YUBIKEY),
  // 11-29: the first instant of the window; 1 failure, 1 success.
  ev('2026-11-29T00:00:00Z', 'amy@contoso.com', 'failure', 'The authenticator AAGUID is not allowed by the passkey profile.', UNKNOWN_KEY),
  ev('2026-11-29T13:00:00Z', 'bob@contoso.com', 'success', null, YUBIKEY, 'Add FIDO2 security key'),
  // 11-30, the last day of November, up to the last millisecond: 3 failures (amy twice), 1 success.
  ev('2026-11-30T00:30:00Z', 'amy@contoso.com', 'failure', 'Quantum flux misaligned'),
  ev('2026-11-30T23:59:59.999Z', 'amy@contoso.com', 'failure', 'Quantum flux misaligned'),
  ev('2026-11-30T12:00:00Z', 'carl@contoso.com', 'failure', null),
  ev('2026-11-30T12:05:00Z', 'carl@contoso.com', 'success', null, null, 'Add Passkey (synced)'),
  // 12-01: amy's 4th failure (most recent), 1 success.
  ev('2026-12-01T07:00:00Z', 'amy@contoso.com', 'failure', 'User cancelled the registration', YUBIKEY),
  ev('2026-12-01T08:00:00Z', 'dan@contoso.com', 'success', null, YUBIKEY),
  // Not counted: other activities, and after the window's end (today).
  ev('2026-11-30T10:00:00Z', 'amy@contoso.com', 'failure', 'x', null, 'User registered security info'),
  ev('2026-11-30T10:00:00Z', 'amy@contoso.com', 'failure', 'x', null, 'Admin registered security info'),
  ev('2026-12-02T00:00:00Z', 'amy@contoso.com', 'failure', 'User canceled the registration.'),
];

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
