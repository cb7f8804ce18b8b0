/**
 * Device and authenticator details for the layer 5–7 tests, on top of the
 * shared `builders.ts` world.
 */
import { authenticatorById } from '../../src/catalog/authenticators';
import type { ResolvedDevice } from '../../src/diagnosis/device';
import type { AuditEvent } from '../../src/model/facts';
import type { IntendedAuthenticator } from '../../src/diagnosis/intendedAuthenticator';
import { contextOf, minutesAgo, readyWorld, type World } from './builders';

/** A device the technician described in full (or in part). */
export function givenDevice(overrides: Partial<ResolvedDevice> = {}): ResolvedDevice {
  return { os: null, osVersion: null, browser: null, path: null, authenticator: null, source: 'given', inferredFrom: null, ...overrides };
}

/** The intended authenticator by catalogue id, e.g. `authenticator-ios`, `yubikey-5-nfc`, `icloud-keychain`. */
export function intended(catalogId: string, source: IntendedAuthenticator['source'] = 'given', seenAt?: string): IntendedAuthenticator {
  const entry = authenticatorById(catalogId);
  if (!entry) throw new Error(`no catalogue entry ${catalogId}`);
  return { aaGuid: entry.aaGuids[0], source, ...(seenAt ? { seenAt } : {}) };
}

/** A ready world registering on this device, optionally with an intended authenticator. */
export function worldOn(device: Partial<ResolvedDevice>, authenticator?: IntendedAuthenticator): World {
  const world = readyWorld();
  world.device = givenDevice(device);
  world.intended = authenticator ?? null;
  return world;
}

export const contextOn = (device: Partial<ResolvedDevice>, authenticator?: IntendedAuthenticator) => contextOf(worldOn(device, authenticator));

let auditCounter = 0;
/** A failed passkey registration 15 minutes ago, unless overridden. */
export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  auditCounter += 1;
  return {
    id: `audit-${auditCounter}`,
    activityDateTime: minutesAgo(15),
    activityDisplayName: 'User registered security info',
    loggedByService: 'Authentication Methods',
    result: 'failure',
    resultReason: 'User failed to register Fido2 Authentication Method',
    aaGuid: null,
    initiatedByUpn: 'alice@contoso.com',
    ...overrides,
  };
}
