/**
 * Real workflow results for card tests: each kind the action cards draw,
 * produced by the workflows against the sandbox tenant.
 */
import type { EscalationPayload } from '../../src/actions/escalation';
import type { RemovalResult } from '../../src/actions/passkeyRemoval';
import type { TapResult } from '../../src/actions/tapWorkflow';
import { SANDBOX_USERS } from '../../src/sandbox';
import type { AuditEntry } from '../../src/store/auditTrail';
import { SANDBOX_PEOPLE as P, sandboxActions } from '../support/sandboxActions';

export interface SampleActions {
  tap: TapResult[];
  removal: RemovalResult[];
  escalation: EscalationPayload;
  audit: AuditEntry[];
}

const where = { conversationId: 'conv-1' };
const RUN = (n: number) => `6f1c2b1e-2a8e-4f7e-9d51-0c2f3c7b9a1${n}`;

export async function sampleActions(): Promise<SampleActions> {
  const s = await sandboxActions();
  try {
    const alice = SANDBOX_USERS.noMfaMethod.userPrincipalName;
    const tap: TapResult[] = [];
    const first = await s.services.tap.request(P.operator, await s.run(alice, RUN(1)), where);
    if (first.kind !== 'requested') throw new Error(first.kind);
    tap.push(first);
    s.t.sandbox.setFaults({ rules: [{ match: '/temporaryAccessPassMethods$', method: 'POST', status: 403 }] });
    tap.push(await s.services.tap.approve(P.approver, first.request.id, where));
    s.t.sandbox.setFaults({});
    tap.push(await s.services.tap.approve(P.approver, first.request.id, where));
    const second = await s.services.tap.request(P.operator, await s.run(alice, RUN(2)), where);
    if (second.kind !== 'requested') throw new Error(second.kind);
    tap.push(await s.services.tap.approve(P.secondApprover, second.request.id, where));
    tap.push(await s.services.tap.deny(P.approver, second.request.id, where));

    const oneil = await s.run(SANDBOX_USERS.registeredPasskey.userPrincipalName, RUN(3));
    const removal: RemovalResult[] = [await s.services.removal.list(P.operator, oneil)];
    const listed = removal[0];
    if (listed.kind !== 'passkeys') throw new Error(listed.kind);
    const requested = await s.services.removal.request(P.operator, oneil, listed.passkeys[0].id, { ...where, revokeSessions: true });
    if (requested.kind !== 'requested') throw new Error(requested.kind);
    removal.push(requested, await s.services.removal.approve(P.approver, requested.request.id, where));
    removal.push(await s.services.removal.list(P.operator, oneil));

    await s.services.escalation.registerRoute(P.operator, 'identity', { conversation: { id: '19:identity', isGroup: true, conversationType: 'channel', name: 'Identity' } });
    const escalated = await s.services.escalation.escalate(P.operator, await s.run(alice, RUN(4)));
    if (escalated.kind !== 'escalated') throw new Error(escalated.kind);
    return { tap, removal, escalation: escalated.payload, audit: await s.services.audit.recent(alice, 20) };
  } finally {
    await s.close();
  }
}
