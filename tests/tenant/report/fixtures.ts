/** Hand-counted registration events shared by the Graph aggregation and the Log Analytics mapping tests. */
import type { RegistrationEvent } from '../../../src/tenant/report/types';
import { reportWindow } from '../../../src/tenant/report/window';

export const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
export const UNKNOWN_KEY = '11111111-2222-3333-4444-555555555555';
let n = 0;
export const ev = (time: string, upn: string | null, result: string, reason: string | null = null, aaguid: string | null = null, activity = 'Add Passkey (device-bound)'): RegistrationEvent => ({
  id: `e${++n}`,
  time,
  userPrincipalName: upn,
  activity,
  result,
  reason,
  aaguid,
});
export const usage = { requests: 2, roundTrips: 1, ms: 5 };

/** A 3-day window that crosses a month end: 2026-11-29, 11-30, 12-01 (to = 2026-12-02T00:00Z). */
export const now = new Date('2026-12-02T09:30:00Z');
export const window = reportWindow(now, 3);

export const EVENTS: RegistrationEvent[] = [
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

