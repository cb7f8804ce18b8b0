/**
 * The whole TAP flow over HTTP — the real TeamsAdapter behind express, a fake
 * Bot Connector, the file state store, every log line at debug level — and
 * then a search of everything for the pass: it may appear only in the body
 * of the HTTP answer to the approver's own click, once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLogSink } from '../../src/logger';
import { SANDBOX_USERS } from '../../src/sandbox';
import { APPROVER, CHANNEL, occurrences, passIn } from './actionFlows';
import { OPERATOR } from './harness';
import { httpBot, type HttpBot } from './httpHarness';

const HELP_DESK_CHAT = { id: '19:helpdesk@thread.v2', isGroup: true, conversationType: 'groupChat', name: 'Help desk' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('TAP leak check over HTTP', () => {
  let h: HttpBot;
  const logs: string[] = [];
  let restoreLogs: ReturnType<typeof setLogSink>;
  const previousLevel = process.env.LOG_LEVEL;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'debug';
    restoreLogs = setLogSink((line) => logs.push(line));
    h = await httpBot();
  });
  afterAll(async () => {
    await h.close();
    setLogSink(restoreLogs);
    process.env.LOG_LEVEL = previousLevel;
  });

  it('finds the pass only in the approver’s invoke response, after request, approve, replay, escalation and audit', async () => {
    const answers: Array<{ step: string; body: string }> = [];
    const answer = async (step: string, response: Promise<Response>) => {
      const res = await response;
      expect([step, res.status]).toEqual([step, 200]);
      const body = await res.text();
      answers.push({ step, body });
      return body;
    };
    const inChat = { conversation: HELP_DESK_CHAT };
    const lastPost = () => [...h.connector.captured].reverse().find((c) => c.method === 'POST' && c.body.type === 'message')!;

    await answer('route', h.message({ text: 'route identity here', conversation: CHANNEL }));
    await answer('diagnose', h.message({ text: `diagnose ${SANDBOX_USERS.noMfaMethod.userPrincipalName}`, ...inChat }));
    const verdict = lastPost();
    const runId = verdict.body.attachments[0].content.actions.find((a: any) => a.verb === 'tap.request').data.runId;

    await answer('request', h.click('tap.request', { runId }, verdict.assignedId, OPERATOR, inChat));
    const request = lastPost();
    const requestId = request.body.attachments[0].content.actions[0].data.requestId;

    const approved = await answer('approve', h.click('tap.approve', { requestId }, request.assignedId, APPROVER, inChat));
    const pass = passIn(JSON.parse(approved));
    await answer('replayed approve', h.click('tap.approve', { requestId }, request.assignedId, APPROVER, inChat));
    await answer('deny after issue', h.click('tap.deny', { requestId }, request.assignedId, APPROVER, inChat));
    await answer('escalate', h.click('escalate', { runId }, verdict.assignedId, OPERATOR, inChat));
    await answer('audit', h.message({ text: `audit ${SANDBOX_USERS.noMfaMethod.userPrincipalName}`, ...inChat }));

    // The flow really happened: the shared card says who issued it, the channel got the escalation, the audit card was posted.
    const update = h.connector.captured.find((c) => c.method === 'PUT' && c.activityId === request.assignedId)!;
    expect(JSON.stringify(update.body)).toMatch(new RegExp(`TAP issued by ${APPROVER.name} for Alice Wong, valid from .* to .*, one-time`));
    expect(h.connector.captured.some((c) => c.conversation === CHANNEL.id && JSON.stringify(c.body).includes('Escalation for the identity team'))).toBe(true);
    expect(JSON.stringify(lastPost().body)).toContain('Audit trail');
    expect(JSON.parse(answers.find((a) => a.step === 'replayed approve')!.body).value).toMatch(/never shown again/);

    expect(pass).toMatch(/^\S{8,}$/);
    expect(occurrences(approved, pass)).toBe(1);
    expect(answers.filter((a) => a.body.includes(pass)).map((a) => a.step)).toEqual(['approve']);
    expect(h.connector.raw.length).toBeGreaterThanOrEqual(8);
    expect(h.connector.raw.filter((body) => body.includes(pass))).toEqual([]);
    expect(logs.length).toBeGreaterThan(10);
    expect(logs.some((line) => line.includes('"level":"debug"'))).toBe(true);
    expect(logs.filter((line) => line.includes(pass))).toEqual([]);
    const files = filesUnder(h.stateDir);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((content) => content.includes(pass))).toEqual([]);
  });
});
