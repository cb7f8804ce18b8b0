/**
 * Runs every path a Temporary Access Pass can take through the actions —
 * a failed attempt, an issue, a replayed click, a confirmed replacement, a
 * denial, an escalation that quotes the audit trail — while capturing every
 * log line at debug level. Returns the pass codes (read only through
 * `reveal()`) and everything else the flow produced, for a leak search.
 */
import type { TapResult } from '../../src/actions/tapWorkflow';
import { setLogSink } from '../../src/logger';
import { SANDBOX_USERS } from '../../src/sandbox';
import { SANDBOX_PEOPLE as P, type SandboxActions } from './sandboxActions';

export interface LeakFlow {
  /** The codes, from the approvers' `issued` results. */
  secrets: string[];
  /** Every log line written during the flow. */
  logs: string[];
  /** Every result, as it would be serialised for a card or a log. */
  results: string;
  /** The audit entries for the user. */
  audit: string;
}

function issued(result: TapResult): Extract<TapResult, { kind: 'issued' }> {
  if (result.kind !== 'issued') throw new Error(`expected issued, got ${JSON.stringify(result)}`);
  return result;
}

export async function runTapLeakFlow(s: SandboxActions): Promise<LeakFlow> {
  const logs: string[] = [];
  const previousSink = setLogSink((line) => logs.push(line));
  const previousLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'debug';
  const where = { conversationId: 'conv-1' };
  const upn = SANDBOX_USERS.noMfaMethod.userPrincipalName;
  const tap = s.services.tap;
  const results: unknown[] = [];
  const record = <T>(result: T): T => (results.push(result), result);
  try {
    const first = await s.run(upn, 'run-1');
    await s.services.recordDiagnosis(P.operator, first);
    const request = record(await tap.request(P.operator, first, where));
    if (request.kind !== 'requested') throw new Error(request.kind);

    s.t.sandbox.setFaults({ rules: [{ match: '/temporaryAccessPassMethods$', method: 'POST', status: 503, times: 1 }] });
    record(await tap.approve(P.approver, request.request.id, where));
    const one = record(issued(await tap.approve(P.approver, request.request.id, where)));
    record(await tap.approve(P.secondApprover, request.request.id, where));

    const second = await s.run(upn, 'run-2');
    const again = record(await tap.request(P.operator, second, where));
    if (again.kind !== 'requested') throw new Error(again.kind);
    record(await tap.approve(P.secondApprover, again.request.id, where));
    const two = record(issued(await tap.approve(P.secondApprover, again.request.id, { ...where, replaceExisting: true })));

    const third = record(await tap.request(P.operator, await s.run(upn, 'run-3'), where));
    if (third.kind === 'requested') record(await tap.deny(P.approver, third.request.id, where));

    await s.services.escalation.registerRoute(P.operator, 'identity', { conversation: { id: '19:identity', isGroup: true, conversationType: 'channel', name: 'Identity' } });
    record(await s.services.escalation.escalate(P.operator, second));
    record(await tap.view(request.request.id));

    return {
      secrets: [one.secret.reveal(), two.secret.reveal()],
      logs,
      results: JSON.stringify(results),
      audit: JSON.stringify(await s.services.audit.recent(upn, 100)),
    };
  } finally {
    setLogSink(previousSink);
    process.env.LOG_LEVEL = previousLevel;
  }
}
