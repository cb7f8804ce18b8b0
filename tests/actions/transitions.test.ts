/**
 * The workflows' transition tables are the one statement of what may follow
 * what: `advance` writes a move only when its table lists it. This walks each
 * table, row by row, and every move it does not list.
 */
import { advance, type ApprovalRequest, type TransitionRow } from '../../src/actions/approvalRequest';
import { REMOVAL_TRANSITIONS } from '../../src/actions/removalRecord';
import { TAP_TRANSITIONS } from '../../src/actions/tapRecord';
import { isPasskeyDoctorError } from '../../src/errors/catalog';

const BY = { id: 'approver-1', name: 'Adele' };
const AT = new Date('2026-12-03T10:00:00Z');

function recordIn<S extends string>(kind: string, state: S): ApprovalRequest<string, S> {
  return {
    kind,
    id: `${kind}-1`,
    runId: 'run-1',
    state,
    target: { id: 'user-1', userPrincipalName: 'alice@contoso.com', displayName: 'Alice' },
    requestedBy: { id: 'operator-1', name: 'Olga' },
    requestedAt: '2026-12-03T09:00:00Z',
    expiresAt: '2026-12-03T11:00:00Z',
    history: [{ state, by: { id: 'operator-1', name: 'Olga' }, at: '2026-12-03T09:00:00Z' }],
  } as ApprovalRequest<string, S>;
}

const TABLES: Array<[string, ReadonlyArray<TransitionRow<string, string>>, string[]]> = [
  ['tap', TAP_TRANSITIONS, ['requested', 'approved', 'issuing', 'issued', 'denied', 'failed', 'expired']],
  ['passkey-removal', REMOVAL_TRANSITIONS, ['requested', 'approved', 'removed', 'denied', 'failed', 'expired']],
];

describe.each(TABLES)('the %s workflow', (kind, table, states) => {
  it('moves as each row of its table says, and records who moved it and when', () => {
    for (const row of table) {
      const after = advance(table, recordIn(kind, row.from), row.event, BY, AT, {});
      expect(after.state).toBe(row.to);
      expect(after.history.at(-1)).toEqual({ state: row.to, by: BY, at: AT.toISOString() });
    }
  });

  it('refuses every move its table does not list, and never from a finished request', () => {
    const events = [...new Set(table.map((r) => r.event))];
    for (const from of states) {
      for (const event of events) {
        if (table.some((r) => r.from === from && r.event === event)) continue;
        let thrown: unknown;
        try {
          advance(table, recordIn(kind, from), event, BY, AT, {});
        } catch (error) {
          thrown = error;
        }
        expect(isPasskeyDoctorError(thrown) && thrown.code === 'INTERNAL').toBe(true);
      }
    }
    const finished = states.filter((s) => !table.some((r) => r.from === s));
    expect(finished.sort()).toEqual(['denied', 'expired', kind === 'tap' ? 'issued' : 'removed'].sort());
  });

  it('has one row per state and event: the next state never depends on anything else', () => {
    const keys = table.map((r) => `${r.from}:${r.event}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
