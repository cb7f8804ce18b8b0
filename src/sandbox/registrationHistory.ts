/**
 * A generated month of passkey registration attempts for the Contoso tenant,
 * so that `report` and the weekly digest show real charts on `npm start`.
 * Deterministic: the same seed and clock give the same events. The people
 * are generated too (`reg.*@contoso.com`, in no group), so no demo user's
 * diagnosis reads any of these events.
 */
import { stableGuid } from './stableGuid';
import type { JsonObject } from './tenantState';
import { seededRandom } from './seededRandom';

export const REGISTRATION_HISTORY_SEED = 20261203;
/** Six weeks: a 30-day report has data, and a 7-day one a previous week to compare with. */
const DAYS = 42;
const PEOPLE = 60;
const DAY_MS = 86_400_000;

/** Public AAGUIDs (FIDO MDS / passkey provider lists) with how often people use them. */
const AUTHENTICATORS: Array<[string, number]> = [
  ['90a3ccdf-635c-4729-a248-9b709135078f', 30], // Microsoft Authenticator for iOS
  ['de1e552d-db1d-4423-a619-566b625cdc84', 20], // Microsoft Authenticator for Android
  ['fa2b99dc-9e39-4257-8f92-4a30d23c4118', 12], // YubiKey 5 Series with NFC
  ['08987058-cadc-4b81-b6e1-30de50dcbe96', 10], // Windows Hello
  ['fbfc3007-154e-4ecc-8c0b-6e020557d7bd', 10], // Apple Passwords (iCloud Keychain)
  ['ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', 8], // Google Password Manager
  ['', 10], // no AAGUID recorded
];

/** Failure reasons as the tenant would log them; the last one matches no cause on purpose. */
const REASONS: Array<[string, number]> = [
  ['User canceled the registration.', 34],
  ['User needs to perform multi-factor authentication within the last 5 minutes.', 18],
  ['The authenticator AAGUID is not allowed by the passkey profile key restrictions.', 16],
  ['Registration timed out.', 10],
  ['Attestation statement could not be verified.', 6],
  ['FIDO2 method is not enabled for the user.', 6],
  ['The credential already exists on this authenticator.', 10],
];

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Femi', 'Gus', 'Hana', 'Iris', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Oren'];
const LAST = ['Ahmed', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Khan', 'Larsen'];

function pick<T>(next: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = next() * total;
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1][0];
}

export interface RegistrationHistory {
  users: JsonObject[];
  /** Each generated person has a password and Microsoft Authenticator, so a diagnosis of them reads real methods. */
  methods: Map<string, JsonObject[]>;
  audits: JsonObject[];
}

/** iCloud Keychain and Google Password Manager make synced passkeys. */
const SYNCED = new Set(['fbfc3007-154e-4ecc-8c0b-6e020557d7bd', 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4']);

function audit(index: number, upn: string, time: number, aaguid: string, failed: boolean, reason: string, next: () => number): JsonObject {
  const activity = pick(next, [
    ['Add Passkey (device-bound)', 70],
    ['Add Passkey (synced)', SYNCED.has(aaguid) ? 200 : 5],
    ['Add FIDO2 security key', aaguid.startsWith('fa2b99dc') ? 200 : 2],
  ] as Array<[string, number]>);
  const correlation = stableGuid(`registration-history/${index}`);
  const person = { id: stableGuid(`registration-history/user/${upn}`), displayName: null, userPrincipalName: upn };
  return {
    id: `UserAuthMethod_${correlation}_0`,
    category: 'UserManagement',
    correlationId: correlation,
    result: failed ? 'failure' : 'success',
    resultReason: failed ? reason : '',
    activityDisplayName: activity,
    activityDateTime: new Date(time).toISOString(),
    loggedByService: 'Authentication Methods',
    operationType: 'Add',
    initiatedBy: { app: null, user: { ...person, ipAddress: '198.51.100.7' } },
    targetResources: [{ ...person, type: 'User', groupType: null, modifiedProperties: [] }],
    additionalDetails: aaguid ? [{ key: 'AAGuid', value: aaguid }] : [],
  };
}

/** The generated people and their registration attempts over the DAYS before `now`. */
export function registrationHistory(now: Date, seed = REGISTRATION_HISTORY_SEED): RegistrationHistory {
  const next = seededRandom(seed);
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    return { first, last, upn: `reg.${first}.${last}${i >= FIRST.length * LAST.length ? i : ''}@contoso.com`.toLowerCase() };
  });
  const users: JsonObject[] = people.map((p) => ({
    id: stableGuid(`registration-history/user/${p.upn}`),
    userPrincipalName: p.upn,
    displayName: `${p.first} ${p.last}`,
    givenName: p.first,
    surname: p.last,
    mail: p.upn,
    userType: 'Member',
    accountEnabled: true,
    department: 'Operations',
    usageLocation: 'GB',
    createdDateTime: '2024-01-15T09:00:00Z',
  }));
  const audits: JsonObject[] = [];
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  for (let back = DAYS; back >= 1; back--) {
    const day = today - back * DAY_MS;
    const weekday = new Date(day).getUTCDay();
    // Rollout traffic: busy on weekdays, rising over the weeks; quiet at weekends.
    const count = weekday === 0 || weekday === 6 ? 1 + Math.floor(next() * 3) : 6 + Math.floor(next() * 6) + Math.floor((DAYS - back) / 7);
    for (let k = 0; k < count; k++) {
      const person = people[Math.floor(next() * PEOPLE)];
      const aaguid = pick(next, AUTHENTICATORS);
      const failed = next() < 0.28;
      const time = day + (7 + next() * 11) * 3_600_000;
      audits.push(audit(audits.length, person.upn, Math.floor(time), aaguid, failed, pick(next, REASONS), next));
    }
  }
  // A few people who keep failing in the last week: the digest's outreach list.
  const repeaters: Array<[number, string, number]> = [
    [3, 'The authenticator AAGUID is not allowed by the passkey profile key restrictions.', 5],
    [17, 'User needs to perform multi-factor authentication within the last 5 minutes.', 4],
    [29, 'User canceled the registration.', 3],
  ];
  for (const [who, reason, times] of repeaters) {
    for (let k = 0; k < times; k++) {
      const time = today - (1 + Math.floor(next() * 6)) * DAY_MS + (8 + next() * 9) * 3_600_000;
      audits.push(audit(audits.length, people[who].upn, Math.floor(time), '90a3ccdf-635c-4729-a248-9b709135078f', true, reason, next));
    }
  }
  const methods = new Map(
    users.map((u) => [
      String(u.id),
      [
        {
          '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
          id: stableGuid(`${String(u.id)}/password`),
          password: null,
          createdDateTime: '2024-01-15T09:00:00Z',
        },
        {
          '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
          id: stableGuid(`${String(u.id)}/authenticator`),
          displayName: 'iPhone',
          deviceTag: 'SoftwareTokenActivated',
          phoneAppVersion: '6.8.20',
          createdDateTime: '2024-02-01T09:00:00Z',
        },
      ],
    ]),
  );
  return { users, methods, audits };
}
