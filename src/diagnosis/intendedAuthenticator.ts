/**
 * Which authenticator the user is trying to register. The technician's
 * choice wins; a registration path implies one (docs/contracts.md §5); otherwise the
 * AAGUID of the user's latest failed registration says what they tried.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorById } from '../catalog/authenticators';
import type { AuditEvent } from '../model/facts';
import type { ResolvedDevice } from './device';

export interface IntendedAuthenticator {
  /** Lower-case. */
  aaGuid: string;
  source: 'given' | 'path' | 'failed-registration';
  /** When it came from a failed registration: that event's time. */
  seenAt?: string;
}

export function intendedAuthenticator(device: ResolvedDevice, audits: AuditEvent[] | null): IntendedAuthenticator | null {
  if (device.authenticator) return { aaGuid: device.authenticator, source: 'given' };
  if (device.path === 'windows-hello') {
    const hello = authenticatorById('windows-hello');
    if (hello) return { aaGuid: hello.aaGuids[0], source: 'path' };
  }
  if (device.path === 'authenticator-app' && device.os) {
    if (device.os === 'ios' || device.os === 'ipados') return { aaGuid: MICROSOFT_AUTHENTICATOR_AAGUIDS.ios, source: 'path' };
    if (device.os === 'android') return { aaGuid: MICROSOFT_AUTHENTICATOR_AAGUIDS.android, source: 'path' };
  }
  const failed = (audits ?? []).find((e) => e.result === 'failure' && e.aaGuid);
  return failed?.aaGuid ? { aaGuid: failed.aaGuid, source: 'failed-registration', seenAt: failed.activityDateTime } : null;
}
