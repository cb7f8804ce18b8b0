/**
 * The real TeamsAdapter behind express on 127.0.0.1, with a fake Bot
 * Connector (another loopback server) as the activities' serviceUrl: what the
 * bot posts is what Teams would receive.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { startBot, type RunningBot } from '../../src/bot/startup';
import { setLogSink } from '../../src/logger';
import { OPERATOR } from './harness';

interface Captured {
  method: string;
  conversation: string;
  /** The activity replied to (POST) or updated (PUT). */
  activityId: string | undefined;
  /** The id the connector gave a posted activity. */
  assignedId: string;
  body: any;
}

async function fakeConnector(): Promise<{ url: string; captured: Captured[]; server: Server }> {
  const captured: Captured[] = [];
  const app = express();
  let next = 1;
  app.use(express.json({ limit: '5mb' }));
  app.post('/v3/conversations/:conversation/activities{/:id}', (req, res) => {
    const assignedId = `bot-message-${next++}`;
    captured.push({ method: 'POST', conversation: req.params.conversation, activityId: req.params.id, assignedId, body: req.body });
    res.json({ id: assignedId });
  });
  app.put('/v3/conversations/:conversation/activities/:id', (req, res) => {
    captured.push({ method: 'PUT', conversation: req.params.conversation, activityId: req.params.id, assignedId: req.params.id, body: req.body });
    res.json({ id: req.params.id });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, captured, server };
}

describe('the bot over HTTP with a fake Bot Connector', () => {
  let bot: RunningBot;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let stateDir: string;
  let restoreLogs: ReturnType<typeof setLogSink>;

  beforeAll(async () => {
    restoreLogs = setLogSink(() => undefined);
    stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-http-'));
    connector = await fakeConnector();
    bot = await startBot({ env: { STATE_STORE: `file:${stateDir}` }, port: 0 });
  });
  afterAll(async () => {
    await bot.close();
    connector.server.close();
    rmSync(stateDir, { recursive: true, force: true });
    setLogSink(restoreLogs);
  });

  const activity = (fields: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: OPERATOR,
    recipient: { id: '28:passkey-doctor', name: 'Passkey Doctor' },
    conversation: { id: 'a:personal-chat' },
    id: `incoming-${Math.random()}`,
    timestamp: new Date().toISOString(),
    ...fields,
  });

  const post = (body: unknown) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('listens on loopback only while anonymous, and answers /healthz', async () => {
    expect(new URL(bot.url).hostname).toBe('127.0.0.1');
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('posts a typing indicator and then the verdict card to the connector', async () => {
    const response = await post(activity({ type: 'message', text: 'diagnose alice@contoso.com' }));
    expect(response.status).toBe(200);
    const posted = connector.captured.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posted.map((a) => a.type)).toEqual(['typing', 'message']);
    const card = posted[1].attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card.content)).toContain('no MFA-capable method');
    expect(connector.captured[1]).toMatchObject({ conversation: 'a:personal-chat', activityId: posted[1].replyToId });
  });

  it('answers an Action.Execute click in the HTTP response and updates the shared card through the connector', async () => {
    connector.captured.length = 0;
    await post(activity({ type: 'message', text: 'diagnose bob@contoso.com' }));
    const cardMessage = connector.captured.find((c) => c.body.type === 'message')!;
    const runId = cardMessage.body.attachments[0].content.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    const response = await post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: cardMessage.assignedId,
        value: { action: { type: 'Action.Execute', verb: 'verdict.rerun', data: { runId } }, trigger: 'manual' },
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Nothing changed since the run at');
    const update = connector.captured.find((c) => c.method === 'PUT')!;
    expect(update).toMatchObject({ conversation: 'a:personal-chat', activityId: cardMessage.assignedId });
    expect(update.body.attachments[0].content).toEqual(body.value);
  });

  it('answers a button without a handler with a message, not a 501', async () => {
    const response = await post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'tap.request', data: {} } } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That action is not available yet in this version of Passkey Doctor.' });
  });
});
