/**
 * The production state store: botbuilder-azure-blobs against Azurite on
 * loopback (in memory, free port, stopped after the suite). Blob eTags are
 * what keep two racing approvals from issuing two passes.
 */
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { TapResult } from '../../src/actions/tapWorkflow';
import { SANDBOX_USERS } from '../../src/sandbox';
import { AuditTrail, type AuditEntry } from '../../src/store/auditTrail';
import { VersionedStore } from '../../src/store/versionedStore';
import { WorkflowStore } from '../../src/store/workflowStore';
import { startAzurite, type Azurite } from '../support/azurite';
import { SANDBOX_PEOPLE as P, sandboxActions, type SandboxActions } from '../support/sandboxActions';
import { runTapLeakFlow } from '../support/tapLeakFlow';

let azurite: Azurite;
let containers = 0;
/** A fresh container per test, so tests never see each other's blobs. */
const freshContainer = () => `state-${process.pid}-${++containers}`;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('Blob state store against Azurite', () => {
  it('accepts exactly one of two writes made from the same blob version', async () => {
    const workflows = new WorkflowStore(new VersionedStore(new BlobsStorage(azurite.connectionString, freshContainer())));
    const record = { kind: 'tap', id: 'tap-run-1', state: 'requested' };
    await workflows.create(record);
    const seen = (await workflows.get<typeof record>(record.id))!;
    const swaps = await Promise.all([workflows.swap(seen, { ...record, state: 'issuing' }), workflows.swap(seen, { ...record, state: 'denied' })]);
    expect(swaps.sort()).toEqual([false, true]);
  });

  it('loses no audit entry when appends race', async () => {
    const audit = new AuditTrail(new VersionedStore(new BlobsStorage(azurite.connectionString, freshContainer())));
    const entry = (n: number): AuditEntry => ({
      time: new Date(Date.UTC(2026, 10, 22, 10, 0, n)).toISOString(),
      who: { id: 'op', name: 'Hana Patel' },
      what: 'diagnosis',
      target: { id: 'u', userPrincipalName: 'alice@contoso.com' },
      rootCause: null,
      requestId: `run-${n}`,
    });
    await audit.append(entry(0));
    await Promise.all(Array.from({ length: 8 }, (_, n) => audit.append(entry(n + 1))));
    expect(new Set((await audit.recent('alice@contoso.com', 50)).map((e) => e.requestId)).size).toBe(9);
  });

  describe('with the sandbox tenant', () => {
    let s: SandboxActions;
    let container: string;
    beforeEach(async () => {
      container = freshContainer();
      s = await sandboxActions({ storage: new BlobsStorage(azurite.connectionString, container) });
    });
    afterEach(() => s.close());

    it('issues one pass when two approvers approve the same request at the same moment', async () => {
      const where = { conversationId: 'conv-1' };
      const request = await s.services.tap.request(P.operator, await s.run(SANDBOX_USERS.noMfaMethod.userPrincipalName), where);
      if (request.kind !== 'requested') throw new Error(request.kind);
      // Hold the first two compare-and-swaps until both clicks have reached theirs: a true race, every run.
      const original = WorkflowStore.prototype.swap;
      let arrived = 0;
      let release!: () => void;
      const bothArrived = new Promise<void>((resolve) => (release = resolve));
      const swap = jest.spyOn(WorkflowStore.prototype, 'swap').mockImplementation(async function (this: WorkflowStore, current, next) {
        arrived += 1;
        if (arrived === 2) release();
        if (arrived <= 2) await bothArrived;
        return original.call(this, current, next);
      });
      const results: TapResult[] = await Promise.all([P.approver, P.secondApprover].map((who) => s.services.tap.approve(who, request.request.id, where)));
      const claims = await Promise.all(swap.mock.results.slice(0, 2).map((r) => r.value));
      swap.mockRestore();

      // Both clicks passed every check and tried to claim the same blob version; Azure Storage let one through.
      expect(claims.sort()).toEqual([false, true]);
      expect(results.map((r) => r.kind).sort()).toEqual(['issued', 'refused']);
      expect(results.find((r) => r.kind === 'refused')).toMatchObject({ code: expect.stringMatching(/^REQUEST\.(IN_PROGRESS|ALREADY_DONE)$/) });
      expect(s.tapPosts()).toHaveLength(1);
      expect((await s.services.tap.view(request.request.id))?.state).toBe('issued');
    });

    it('stores no pass in any blob', async () => {
      const flow = await runTapLeakFlow(s);
      const blobs = await azurite.blobs(container);
      expect(blobs.map((b) => b.name)).toEqual(expect.arrayContaining([expect.stringContaining('workflow'), expect.stringContaining('audit')]));
      for (const secret of flow.secrets) {
        expect(blobs.filter((b) => b.content.includes(secret) || b.name.includes(secret))).toEqual([]);
        expect(flow.logs.filter((line) => line.includes(secret))).toEqual([]);
        expect(flow.audit).not.toContain(secret);
      }
    });
  });
});
