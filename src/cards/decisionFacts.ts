/**
 * The facts both request cards list about the request itself: who asked,
 * who decided, and — while it is open — when it lapses. An approval stays on
 * the card after a later denial or lapse, as far as the state keeps it.
 */
import type { RemovalRecord } from '../actions/removalRecord';
import type { TapRecord } from '../actions/tapRecord';
import { utcMinute } from './labels';

type Fact = { title: string; value: string };

export const requestedFact = (request: TapRecord | RemovalRecord): Fact => ({
  title: 'Requested by',
  value: `${request.requestedBy.name}, ${utcMinute(request.requestedAt)}`,
});

/** Who approved or denied it, then, while `open`, when it lapses unanswered. */
export function decisionFacts(request: TapRecord | RemovalRecord, open: boolean): Fact[] {
  const approved =
    'approvedBy' in request && request.approvedBy && request.approvedAt
      ? [{ title: 'Approved by', value: `${request.approvedBy.name}, ${utcMinute(request.approvedAt)}` }]
      : [];
  const denied = request.state === 'denied' ? [{ title: 'Denied by', value: request.deniedBy.name }] : [];
  const lapses = open ? [{ title: 'Lapses unanswered at', value: utcMinute(request.expiresAt) }] : [];
  return [...approved, ...denied, ...lapses];
}
