/**
 * The real TeamsAdapter behind express on 127.0.0.1, with a fake Bot
 * Connector (another loopback server) as the activities' serviceUrl: what the
 * bot posts is what Teams would receive, and an invoke's answer is the body of
 * the HTTP response to that click.
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
import { OPERATOR, type Person } from './harness';

export interface Captured {
  method: string;
  conversation: string;
  /** The activity replied to (POST) or updated (PUT). */
  activityId: string | undefined;
  /** The id the connector gave a posted activity. */
  assignedId: string;
  body: any;
  /** When the connector received it (ms since the epoch). */
  at: number;
}

export interface FakeConnector {
  url: string;
  captured: Captured[];
  /** Every request body as it arrived, unparsed. */
  raw: string[];
  server: Server;
}

export async function fakeConnector(): Promise<FakeConnector> {
  const captured: Captured[] = [];
  const raw: string[] = [];
  const app = express();
  let next = 1;
  app.use(express.text({ type: '*/*', limit: '5mb' }), (req, _res, nextHandler) => {
    raw.push(typeof req.body === 'string' ? req.body : '');
    req.body = raw[raw.length - 1] ? JSON.parse(raw[raw.length - 1]) : {};
    nextHandler();
  });
  app.post('/v3/conversations/:conversation/activities{/:id}', (req, res) => {
    const assignedId = `bot-message-${next++}`;
    captured.push({ method: 'POST', conversation: req.params.conversation, activityId: req.params.id, assignedId, body: req.body, at: Date.now() });
    res.json({ id: assignedId });
  });
  // Creating a one-to-one conversation (a proactive personal message): Teams answers with the chat's id.
  app.post('/v3/conversations', (req, res) => {
    const id = `a:personal-${req.body?.members?.[0]?.id ?? 'unknown'}`;
    captured.push({ method: 'CREATE', conversation: id, activityId: undefined, assignedId: id, body: req.body, at: Date.now() });
    res.json({ id });
  });
  app.put('/v3/conversations/:conversation/activities/:id', (req, res) => {
    captured.push({ method: 'PUT', conversation: req.params.conversation, activityId: req.params.id, assignedId: req.params.id, body: req.body, at: Date.now() });
    res.json({ id: req.params.id });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, captured, raw, server };
}

export interface HttpBot {
  bot: RunningBot;
  connector: FakeConnector;
  stateDir: string;
  /** An activity from Teams to the bot, addressed so that replies go to the fake connector. */
  activity(fields: Record<string, unknown>): Record<string, unknown>;
  post(body: unknown): Promise<Response>;
  /**
   * Sends a message and resolves with Teams' HTTP answer once the bot's reply
   * (a card posted or updated through the connector) has arrived too: the
   * answer comes first, the reply after it.
   */
  message(fields: Record<string, unknown>): Promise<Response>;
  /** Resolves when `count` replies (messages posted or updated, typing aside) have reached the connector since `from`. */
  replies(from: number, count?: number, timeoutMs?: number): Promise<Captured[]>;
  /** Clicks an Action.Execute button; resolves with the raw HTTP answer to that click. */
  click(verb: string, data: Record<string, unknown>, replyToId: string, from?: Person, fields?: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

export async function httpBot(env: NodeJS.ProcessEnv = {}): Promise<HttpBot> {
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-http-'));
  const connector = await fakeConnector();
  const bot = await startBot({ env: { STATE_STORE: `file:${stateDir}`, ...env }, port: 0 }).catch((error: unknown) => {
    // A bot that did not start must not leave the connector keeping jest alive.
    connector.server.close();
    throw error;
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
  const post = (body: unknown) => fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const replies = async (from: number, count = 1, timeoutMs = 20_000): Promise<Captured[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const arrived = connector.captured.slice(from).filter((c) => c.body?.type === 'message');
      if (arrived.length >= count) return arrived;
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${count} repl${count === 1 ? 'y' : 'ies'}, got ${arrived.length}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    bot,
    connector,
    stateDir,
    activity,
    post,
    replies,
    message: async (fields) => {
      const from = connector.captured.length;
      const response = await post(activity({ type: 'message', ...fields }));
      await replies(from);
      return response;
    },
    click: (verb, data, replyToId, from = OPERATOR, fields = {}) =>
      post(activity({ type: 'invoke', name: 'adaptiveCard/action', from, replyToId, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...fields })),
    close: async () => {
      await bot.close();
      connector.server.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * A bot over HTTP for the tests of one describe block, with the log silenced:
 * started before them (all of them, or each), closed after. `use` receives it.
 */
export function quietHttpBot(use: (h: HttpBot) => void, per: 'all' | 'each' = 'all'): void {
  let h: HttpBot | undefined;
  let restoreLogs: ReturnType<typeof setLogSink> | undefined;
  (per === 'all' ? beforeAll : beforeEach)(async () => {
    restoreLogs = setLogSink(() => undefined);
    h = await httpBot();
    use(h);
  });
  (per === 'all' ? afterAll : afterEach)(async () => {
    await h?.close();
    if (restoreLogs) setLogSink(restoreLogs);
  });
}

