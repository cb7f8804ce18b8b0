/**
 * The card actions wired as the bot wires them — real Graph client, real
 * gateway, real writes — against a sandbox tenant started for the test, over
 * any botbuilder Storage. The fixture gains a second approver (Carol) and
 * makes the approver (Adele) an operator too, for the own-request cases.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import type { Person } from '../../src/actions/access';
import { createActionServices, type ActionServices } from '../../src/actions/actionServices';
import type { RunVerdict } from '../../src/model/diagnosisRun';
import { loadConfig } from '../../src/config/schema';
import { loadFixture, SANDBOX_GROUPS, SANDBOX_USERS, type RequestLogEntry } from '../../src/sandbox';
import { sandboxGateway, type SandboxGateway } from './sandboxGateway';

const personOf = (user: { id: string; displayName: string }): Person => ({ id: user.id, name: user.displayName });

export const SANDBOX_PEOPLE = {
  /** Hana: operators only. */
  operator: personOf(SANDBOX_USERS.operator),
  /** Adele: approvers, and operators in this fixture. */
  approver: personOf(SANDBOX_USERS.approver),
  /** Carol: approvers only in this fixture. */
  secondApprover: personOf(SANDBOX_USERS.ready),
  /** Dave: in neither group. */
  nobody: personOf(SANDBOX_USERS.mfaStale),
} as const;

export interface SandboxActions {
  t: SandboxGateway;
  services: ActionServices;
  storage: Storage;
  /** A real diagnosis of `upn`, as the bot stores it under `runId`. */
  run(upn: string, runId?: string): Promise<RunVerdict>;
  /** The TAP creates Graph received. */
  tapPosts(): RequestLogEntry[];
  close(): Promise<void>;
}

export async function sandboxActions(options: { storage?: Storage; env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<SandboxActions> {
  const fixture = loadFixture();
  fixture.groups.find((g) => g.displayName === 'Passkey Doctor Operators')!.members!.push(SANDBOX_USERS.approver.userPrincipalName);
  fixture.groups.find((g) => g.displayName === 'TAP Approvers')!.members!.push(SANDBOX_USERS.ready.userPrincipalName);
  const t = await sandboxGateway({ fixture });
  const storage = options.storage ?? new MemoryStorage();
  const services = createActionServices({
    config: loadConfig({ GRAPH_BASE_URL: t.sandbox.url, ...options.env }),
    storage,
    gateway: t.gateway,
    groups: { operators: SANDBOX_GROUPS.operators, approvers: SANDBOX_GROUPS.tapApprovers },
    retry: { backoffMs: [1, 1, 1], maxThrottleRetries: 2, maxRetryAfterMs: 10, sleep: async () => undefined },
    now: options.now,
  });
  return {
    t,
    services,
    storage,
    run: async (upn, runId = 'run-1') => ({ runId, verdict: await t.diagnose(upn) }),
    tapPosts: () => t.sandbox.requestLog.filter((r) => r.method === 'POST' && /\/temporaryAccessPassMethods$/.test(r.path)),
    close: () => t.close(),
  };
}
