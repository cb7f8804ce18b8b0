/**
 * Requests already in the store when this version starts must still be
 * answered: the stored JSON did not change when the record types became one
 * per state, and a record that lacks what its state guarantees (cut short,
 * edited by hand) is refused in a sentence rather than crashing the click.
 */
import { VersionedStore } from '../../src/store/versionedStore';
import { WorkflowStore } from '../../src/store/workflowStore';
import { tapSummary } from '../../src/cards/workflowSummaries';
import { PEOPLE, harness, runFor, type Harness } from './fakes';

/** A TAP request as the previous version stored it once the pass was issued: the same fields, the claim gone. */
const storedIssued = (h: Harness) => ({
  kind: 'tap',
  id: 'tap-run-old',
  runId: 'run-old',
  state: 'issued',
  target: { id: h.facts.world.user.id, userPrincipalName: 'alice@contoso.com', displayName: 'Alice Example' },
  rootCause: 'L3.NO_MFA_METHOD',
  conversationId: 'conv-1',
  requestedBy: PEOPLE.operator,
  requestedAt: '2026-11-22T09:00:00.000Z',
  expiresAt: '2026-11-22T17:00:00.000Z',
  approvedBy: PEOPLE.approver,
  approvedAt: '2026-11-22T09:30:00.000Z',
  issued: { methodId: 'tap-1', validFrom: '2026-11-22T09:30:00.000Z', validUntil: '2026-11-22T10:30:00.000Z', lifetimeInMinutes: 60, isUsableOnce: true },
  history: [
    { state: 'requested', by: PEOPLE.operator, at: '2026-11-22T09:00:00.000Z' },
    { state: 'issuing', by: PEOPLE.approver, at: '2026-11-22T09:30:00.000Z' },
    { state: 'issued', by: PEOPLE.approver, at: '2026-11-22T09:30:01.000Z' },
  ],
});

const store = (h: Harness) => new WorkflowStore(new VersionedStore(h.storage));

describe('stored workflow records', () => {
  it('answers a request stored by the previous version from what its state holds', async () => {
    const h = harness();
    await store(h).create(storedIssued(h));
    const record = await h.tap.view('tap-run-old');
    expect(record && tapSummary(record)).toBe(
      'TAP issued by Adele Vance for Alice Example, valid from 2026-11-22 09:30 UTC to 2026-11-22 10:30 UTC, one-time.',
    );
    expect(await h.tap.approve(PEOPLE.secondApprover, 'tap-run-old', { conversationId: 'conv-1' })).toMatchObject({
      code: 'REQUEST.ALREADY_DONE',
      message: expect.stringMatching(/^Adele Vance already issued this pass/),
    });
  });

  it('stores an issued request with the same fields as before: no claim, failure or question left on it', async () => {
    const h = harness();
    await h.tap.request(PEOPLE.operator, runFor(h.facts.world), { conversationId: 'conv-1' });
    expect(await h.tap.approve(PEOPLE.approver, 'tap-run-1', { conversationId: 'conv-1' })).toMatchObject({ kind: 'issued' });
    const written = JSON.parse(JSON.stringify((await store(h).get('tap-run-1'))?.value));
    expect(Object.keys(written).sort()).toEqual(Object.keys(storedIssued(h)).sort());
  });

  it('refuses, in a sentence, a stored request that lacks what its state guarantees, and never acts on it', async () => {
    const h = harness();
    const cutShort: Record<string, unknown> = storedIssued(h);
    delete cutShort.issued;
    await store(h).create(cutShort as { kind: string; id: string; state: string });
    expect(await h.tap.view('tap-run-old')).toBeUndefined();
    for (const answer of [
      await h.tap.approve(PEOPLE.secondApprover, 'tap-run-old', { conversationId: 'conv-1' }),
      await h.tap.deny(PEOPLE.secondApprover, 'tap-run-old', { conversationId: 'conv-1' }),
    ]) {
      expect(answer).toMatchObject({ kind: 'refused', code: 'REQUEST.UNKNOWN', suggest: 'rerun', message: expect.stringContaining('cannot read this request') });
    }
    expect(h.writes.creates).toBe(0);
  });
});
