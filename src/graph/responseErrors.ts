/**
 * Maps a Graph error response to a fact gap (docs/contracts.md §5): 403 names the
 * permission (or the missing licence), 429 is throttling, the rest is
 * "unavailable". Branches on `error.code`, never on the message.
 */
import type { FactGap } from '../model/facts';
import { permissionFor } from './permissions';

export const LICENCE_ERROR = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

export interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function graphErrorCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

export function gapFor(response: InnerResponse, request: string): FactGap {
  const code = graphErrorCode(response.body);
  if (response.status === 403 && code === LICENCE_ERROR) {
    return { code: 'GRAPH.LICENCE_MISSING', reason: 'the tenant has no Microsoft Entra ID P1 or P2 licence, which this log needs.', request };
  }
  if (response.status === 403 || response.status === 401) {
    const permission = permissionFor(response.id);
    return {
      code: 'GRAPH.PERMISSION_MISSING',
      reason: `Microsoft Graph refused the request (${code ?? response.status})${permission ? `; Passkey Doctor needs the ${permission} application permission` : ''}.`,
      request,
      ...(permission ? { permission } : {}),
    };
  }
  if (response.status === 429) {
    return { code: 'GRAPH.THROTTLED', reason: 'Microsoft Graph kept throttling the request after retries.', request };
  }
  return { code: 'GRAPH.UNAVAILABLE', reason: `Microsoft Graph answered ${response.status}${code ? ` (${code})` : ''} after retries.`, request };
}
