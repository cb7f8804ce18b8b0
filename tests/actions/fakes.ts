/**
 * In-memory fakes for the workflow unit tests: a directory of who is in which
 * group, facts from the diagnosis builders, Graph writes that count calls,
 * and a clock the test moves. The state store is botbuilder's MemoryStorage.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import { AccessCheck, type Person } from '../../src/actions/access';
import type { RunVerdict } from '../../src/model/diagnosisRun';
import type { GroupMembership, PasskeyWrites, TapWrites, UserFactsSource } from '../../src/actions/ports';
import { Escalation, type WebhookPoster } from '../../src/actions/escalation';
import type { Outbox } from '../../src/actions/outbox';
import { PasskeyRemovalWorkflow } from '../../src/actions/passkeyRemoval';
import { TapWorkflow } from '../../src/actions/tapWorkflow';
import { known, type Fact } from '../../src/model/facts';
import type { GatheredFacts } from '../../src/diagnosis/ports';
import { evaluate } from '../../src/diagnosis/verdict';
import { TapSecret } from '../../src/graph/tapSecret';
import type { WriteFailure, WriteResult } from '../../src/graph/writes';
import type { Fido2Method, TapMethod } from '../../src/model/facts';
import { AuditTrail } from '../../src/store/auditTrail';
import { OpenRequests } from '../../src/store/openRequests';
import { HourlyLimit } from '../../src/store/rateLimit';
import { ChannelRoutes } from '../../src/store/routes';
import { VersionedStore } from '../../src/store/versionedStore';
import { WorkflowStore } from '../../src/store/workflowStore';
import { AAGUID, NOW, inputOf, passwordMethod, readyWorld, type World } from '../diagnosis/builders';

export const GROUP = {
  operators: 'aaaaaaaa-0000-4000-8000-000000000001',
  approvers: 'aaaaaaaa-0000-4000-8000-000000000002',
} as const;

const person = (n: number, name: string): Person => ({ id: `bbbbbbbb-0000-4000-8000-00000000000${n}`, name });

export const PEOPLE = {
  operator: person(1, 'Hana Patel'),
  approver: person(2, 'Adele Vance'),
  secondApprover: person(3, 'Carol Baker'),
  /** In both groups: can request and, with the second approver off, approve. */
  operatorApprover: person(4, 'Olga Reyes'),
  outsider: person(5, 'Mallory Stone'),
} as const;

export class FakeDirectory implements GroupMembership {
  readonly members = new Map<string, Set<string>>([
    [PEOPLE.operator.id, new Set([GROUP.operators])],
    [PEOPLE.approver.id, new Set([GROUP.approvers])],
    [PEOPLE.secondApprover.id, new Set([GROUP.approvers])],
    [PEOPLE.operatorApprover.id, new Set([GROUP.operators, GROUP.approvers])],
  ]);
  calls = 0;
  failing = false;

  async memberGroups(userId: string, groupIds: string[]): Promise<Set<string>> {
    this.calls += 1;
    if (this.failing) throw new Error('Graph is down');
    const held = this.members.get(userId) ?? new Set<string>();
    return new Set(groupIds.filter((id) => held.has(id)));
  }
}

/** Alice with a password only: the diagnosis says L3.NO_MFA_METHOD and a TAP would fix it. */
export function aliceWorld(): World {
  const world = readyWorld();
  world.methods = known([passwordMethod()]);
  return world;
}

export class FakeFacts implements UserFactsSource {
  world = aliceWorld();
  roles: Fact<string[]> = known([]);
  eligible: Fact<string[]> = known([]);
  invalidations = 0;
  failing = false;

  async gather(): Promise<GatheredFacts> {
    if (this.failing) throw new Error('Graph is down');
    const input = inputOf(this.world);
    return { tenant: input.tenant, user: { ...input.user, directoryRoleIds: this.roles }, usage: { requests: 0, roundTrips: 0 } };
  }

  invalidateTenantSnapshot(): void {
    this.invalidations += 1;
  }

  async eligibleRoleIds(): Promise<Fact<string[]>> {
    return this.eligible;
  }
}

export const TAP_CODE = 'Xy7#kP2q';

export class FakeWrites implements TapWrites, PasskeyWrites {
  creates = 0;
  deletes = 0;
  revokes = 0;
  taps: TapMethod[] = [];
  passkeys: Fido2Method[] = [
    {
      kind: 'fido2',
      id: 'pk-1/+=',
      displayName: 'YubiKey 5 NFC',
      aaGuid: AAGUID.yubikey5,
      model: 'YubiKey 5 NFC',
      passkeyType: 'deviceBound',
      attestationLevel: 'attested',
      createdDateTime: '2026-10-23T10:00:00.000Z',
    },
  ];
  /** Each call takes the next failure, if any. */
  failures: Partial<Record<'create' | 'list' | 'listPasskeys' | 'delete' | 'revoke', WriteFailure[]>> = {};
  /** Lets a test hold a create in flight. */
  beforeCreate: () => Promise<void> = async () => undefined;

  constructor(private readonly clock: () => Date) {}

  private failure(op: keyof FakeWrites['failures']): WriteFailure | undefined {
    return this.failures[op]?.shift();
  }

  async createTemporaryAccessPass(_userId: string, request: { lifetimeInMinutes: number; isUsableOnce: boolean }) {
    this.creates += 1;
    await this.beforeCreate();
    const failure = this.failure('create');
    if (failure) return { ok: false as const, failure };
    const start = this.clock().toISOString();
    const method = { kind: 'temporaryAccessPass' as const, id: `tap-${this.creates}`, isUsable: true, methodUsabilityReason: 'EnabledByPolicy', startDateTime: start, createdDateTime: start, ...request };
    this.taps = [method];
    return { ok: true as const, value: { method, secret: new TapSecret(TAP_CODE) } };
  }

  async listTemporaryAccessPasses(): Promise<WriteResult<TapMethod[]>> {
    const failure = this.failure('list');
    return failure ? { ok: false, failure } : { ok: true, value: this.taps };
  }

  async listPasskeys(): Promise<WriteResult<Fido2Method[]>> {
    const failure = this.failure('listPasskeys');
    return failure ? { ok: false, failure } : { ok: true, value: this.passkeys };
  }

  async deletePasskey(_userId: string, methodId: string): Promise<WriteResult<void>> {
    this.deletes += 1;
    const failure = this.failure('delete');
    if (failure) return { ok: false, failure };
    this.passkeys = this.passkeys.filter((passkey) => passkey.id !== methodId);
    return { ok: true, value: undefined };
  }

  async revokeSignInSessions(): Promise<WriteResult<void>> {
    this.revokes += 1;
    const failure = this.failure('revoke');
    return failure ? { ok: false, failure } : { ok: true, value: undefined };
  }
}

export const failure = (code: WriteFailure['code'], message = `Graph said ${code}.`): WriteFailure => ({ code, message, status: 400 });

/** A real verdict for the world, as the bot would have stored it under `runId`. */
export function runFor(world: World, runId = 'run-1'): RunVerdict {
  return { runId, verdict: evaluate({ ...inputOf(world), settings: world.settings }, { requests: 0, roundTrips: 0 }) };
}

/** A run about a user of its own (the directory now holds that user), for tests of other limits: one user has one open pass request. */
export function runForOwnUser(h: Harness, runId: string): RunVerdict {
  h.facts.world.user = { ...h.facts.world.user, id: `user-${runId}` };
  return runFor(h.facts.world, runId);
}

export class TestClock {
  private ms = Date.parse(NOW);
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Harness {
  storage: Storage;
  clock: TestClock;
  directory: FakeDirectory;
  facts: FakeFacts;
  writes: FakeWrites;
  audit: AuditTrail;
  tap: TapWorkflow;
  removal: PasskeyRemovalWorkflow;
  routes: ChannelRoutes;
  escalation: Escalation;
}

export interface HarnessOptions {
  secondApprover?: boolean;
  oneTime?: boolean;
  perHour?: number;
  /** null: TAP_APPROVERS_GROUP_ID unset. */
  approvers?: string | null;
  storage?: Storage;
  webhookUrl?: string;
  postWebhook?: WebhookPoster;
  outbox?: Outbox;
}

export function harness(options: HarnessOptions = {}): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const clock = new TestClock();
  const directory = new FakeDirectory();
  const facts = new FakeFacts();
  const writes = new FakeWrites(clock.now);
  const store = new VersionedStore(storage);
  const audit = new AuditTrail(store);
  const access = new AccessCheck(directory, { operators: GROUP.operators, approvers: options.approvers === null ? undefined : (options.approvers ?? GROUP.approvers) });
  const workflows = new WorkflowStore(store);
  const routes = new ChannelRoutes(store);
  const base = { workflows, audit, access, secondApprover: options.secondApprover ?? true, now: clock.now, outbox: options.outbox };
  return {
    storage,
    clock,
    directory,
    facts,
    writes,
    audit,
    tap: new TapWorkflow({
      ...base,
      requestLimit: new HourlyLimit(store, 'tap-requests', options.perHour ?? 10, clock.now),
      facts,
      writes,
      oneTime: options.oneTime ?? true,
      mfaFreshnessMinutes: 5,
      openRequests: new OpenRequests(store, () => clock.now().getTime()),
    }),
    removal: new PasskeyRemovalWorkflow({ ...base, writes }),
    routes,
    escalation: new Escalation({ workflows, audit, access, routes, facts, webhookUrl: options.webhookUrl, postWebhook: options.postWebhook, now: clock.now }),
  };
}
