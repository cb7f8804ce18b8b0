/**
 * Who decided a request, as both request cards list it. An approval stays on
 * the card after a later denial or lapse, as far as the state keeps it.
 */
import type { RemovalRecord } from '../actions/removalRecord';
import type { TapRecord } from '../actions/tapRecord';
import { utcMinute } from './labels';

export function decisionFacts(request: TapRecord | RemovalRecord): Array<{ title: string; value: string }> {
  const approved =
    'approvedBy' in request && request.approvedBy && request.approvedAt
      ? [{ title: 'Approved by', value: `${request.approvedBy.name}, ${utcMinute(request.approvedAt)}` }]
      : [];
  const denied = request.state === 'denied' ? [{ title: 'Denied by', value: request.deniedBy.name }] : [];
  return [...approved, ...denied];
}
