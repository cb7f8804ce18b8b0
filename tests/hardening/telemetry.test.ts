/**
 * Telemetry: nothing registered without APPLICATIONINSIGHTS_CONNECTION_STRING;
 * with it, the Azure Monitor distro exports the bot's spans and metrics — here
 * to a fake ingestion endpoint on loopback — and nothing exported holds a
 * UPN, an Entra object id or a pass. `/readyz` checks Graph and the store.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { setLogSink } from '../../src/logger';
import { SANDBOX_USERS } from '../../src/sandbox';
import { hashUser, graphRoute } from '../../src/telemetry/instruments';
import { startLoopbackIngestion, type LoopbackIngestion } from '../../src/telemetry/loopbackIngestion';
import { startTelemetry } from '../../src/telemetry/start';
import { APPROVER, passIn } from '../bot/actionFlows';
import { OPERATOR } from '../bot/harness';
import { httpBot, quietHttpBot, type HttpBot } from '../bot/httpHarness';

const ALICE = SANDBOX_USERS.noMfaMethod;

describe('telemetry attributes', () => {
  it('hashes people and strips ids and UPNs from Graph routes', () => {
    expect(hashUser(ALICE.id)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashUser(ALICE.id)).toBe(hashUser(ALICE.id.toUpperCase()));
    expect(graphRoute(`/users/${encodeURIComponent(ALICE.userPrincipalName)}/authentication/methods?$filter=x eq 'y'`)).toBe('/users/{id}/authentication/methods');
    expect(graphRoute(`/users/${ALICE.id}/memberOf`)).toBe('/users/{id}/memberOf');
  });

  it('registers nothing without a connection string', async () => {
    expect((await startTelemetry({})).enabled).toBe(false);
  });
});

describe('telemetry exported to Application Insights (fake loopback ingestion)', () => {
  let h: HttpBot;
  let ingestion: LoopbackIngestion;
  let restoreLogs: ReturnType<typeof setLogSink>;
  beforeAll(async () => {
    restoreLogs = setLogSink(() => undefined);
    ingestion = await startLoopbackIngestion();
  });
  afterAll(async () => {
    await h?.close();
    await ingestion.close();
    setLogSink(restoreLogs);
  });

  it('exports turn, Graph and workflow telemetry with no UPN, object id or pass in it', async () => {
    const telemetry = await startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString }, { httpClient: ingestion.httpClient });
    expect(telemetry.enabled).toBe(true);
    h = await httpBot();
    const inChat = { conversation: { id: '19:helpdesk@thread.v2', isGroup: true, conversationType: 'groupChat' } };
    const lastPost = () => [...h.connector.captured].reverse().find((c) => c.method === 'POST' && c.body.type === 'message')!;
    await h.message({ text: `diagnose ${ALICE.userPrincipalName}`, ...inChat });
    const verdict = lastPost();
    const runId = verdict.body.attachments[0].content.actions.find((a: any) => a.verb === 'tap.request').data.runId;
    await h.click('tap.request', { runId }, verdict.assignedId, OPERATOR, inChat);
    const request = lastPost();
    const approved = await h.click('tap.approve', { requestId: request.body.attachments[0].content.actions[0].data.requestId }, request.assignedId, APPROVER, inChat);
    const pass = passIn(await approved.json());
    await telemetry.shutdown();

    const exported = ingestion.received.join('\n');
    expect(exported).toContain('bot message');
    expect(exported).toContain('graph POST /$batch');
    expect(exported).toContain('passkey_doctor.workflow.transitions');
    expect(exported).toContain('passkey_doctor.graph.reports.wait');
    expect(exported).toContain(hashUser(OPERATOR.aadObjectId));
    for (const secret of [pass, ALICE.userPrincipalName, encodeURIComponent(ALICE.userPrincipalName), ALICE.id, OPERATOR.aadObjectId, APPROVER.aadObjectId]) {
      expect(exported).not.toContain(secret);
    }
  });
});

describe('/readyz', () => {
  let h: HttpBot;
  quietHttpBot((started) => (h = started), 'each');

  it('is ready when Graph answers and the store takes a write', async () => {
    const ready = await fetch(`${h.bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', graph: { ok: true }, store: { ok: true } });
  });

  it('is not ready, saying why, when Graph refuses and the store cannot write', async () => {
    h.bot.runtime.sandbox!.setFaults({ rules: [{ match: '^/policies', status: 503 }] });
    // The state directory's place taken by a file: no write can succeed.
    rmSync(h.stateDir, { recursive: true, force: true });
    writeFileSync(h.stateDir, 'not a directory');
    const answer = await fetch(`${h.bot.url}/readyz`);
    expect(answer.status).toBe(503);
    const body = await answer.json();
    expect(body).toMatchObject({ status: 'not-ready', graph: { ok: false, reason: 'Microsoft Graph answered 503' }, store: { ok: false } });
    expect((await fetch(`${h.bot.url}/healthz`)).status).toBe(200);
  });
});
