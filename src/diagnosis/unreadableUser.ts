/**
 * A verdict about nobody — Graph refused, throttled or failed the request for
 * the user itself — is not a diagnosis to show as a card of unknowns: it is
 * one problem, said once, with what to do about it.
 */
import { PasskeyDoctorError } from '../errors/catalog';
import type { Verdict } from '../model/verdictTypes';

export function unreadableUserError(verdict: Verdict): PasskeyDoctorError | null {
  if (verdict.user || verdict.outcome === 'user-not-found') return null;
  const first = verdict.layers[0]?.findings[0];
  switch (first?.code) {
    case 'GRAPH.PERMISSION_MISSING': {
      const permission = first.evidence?.permission;
      return permission ? new PasskeyDoctorError('GRAPH_FORBIDDEN', 'userPermission', { permission: String(permission) }) : new PasskeyDoctorError('GRAPH_FORBIDDEN', 'user');
    }
    case 'GRAPH.THROTTLED':
      return new PasskeyDoctorError('GRAPH_THROTTLED', 'user');
    default:
      return first ? new PasskeyDoctorError('GRAPH_FAILED', 'userReason', { reason: first.message }) : new PasskeyDoctorError('GRAPH_FAILED', 'user');
  }
}
