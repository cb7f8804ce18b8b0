/**
 * Hostile input over the real HTTP front and in process: a message of `<`
 * characters, a malformed or oversized body, ids of the wrong type. Each is
 * answered with one clear sentence (or a JSON error for a broken request),
 * never a stall, a stack trace or "Unexpected error".
 */
import { normaliseText } from '../../src/bot/messageText';
import { botHarness, OPERATOR, type BotHarness } from '../bot/harness';
import { quietHttpBot, type HttpBot } from '../bot/httpHarness';

describe('message text is made plain in linear time', () => {
  it('strips tags and entities as before', () => {
    expect(normaliseText('<at>Passkey Doctor</at> diagnose <a href="mailto:a@b.c">a@b.c</a>&nbsp;os=ios')).toBe('Passkey Doctor diagnose a@b.c os=ios');
    expect(normaliseText('a < b')).toBe('a < b');
    expect(normaliseText('<<<x>y')).toBe('y');
    expect(normaliseText(undefined)).toBe('');
    expect(normaliseText(42)).toBe('');
  });

  it('gets through a megabyte of "<" (the old expression took minutes; jest would time out)', () => {
    expect(normaliseText('<'.repeat(1_000_000))).toHaveLength(1_000_000);
    expect(normaliseText('<a'.repeat(500_000) + '>')).toBe('');
  });
});

describe('hostile requests to the HTTP front', () => {
  let h: HttpBot;
  quietHttpBot((started) => (h = started));

  const noInternals = (text: string) => {
    expect(text).not.toMatch(/<html|<pre|\bat \S+ \(|node_modules|\/work\/|SyntaxError/i);
  };

  it('answers a malformed JSON body with a JSON error and no stack', async () => {
    const response = await fetch(`${h.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const text = await response.text();
    noInternals(text);
    expect(JSON.parse(text)).toMatchObject({ error: 'The request body is not valid JSON.' });
  });

  it('refuses a body over the size limit before parsing it, as JSON', async () => {
    const response = await h.post(h.activity({ type: 'message', text: '<'.repeat(1_000_000) }));
    expect(response.status).toBe(413);
    const text = await response.text();
    noInternals(text);
    expect(JSON.parse(text).error).toMatch(/larger than/);
  });

  it('answers a long message of "<" with one sentence and stays healthy', async () => {
    h.connector.captured.length = 0;
    const answered = h.post(h.activity({ type: 'message', text: '<'.repeat(200_000) }));
    const health = await fetch(`${h.bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await answered).status).toBe(200);
    const said = (await h.replies(0)).map((c) => c.body.text);
    expect(said).toEqual([expect.stringMatching(/^That message is too long for a command/)]);
  });

  it('answers an unknown address with JSON, not an HTML page', async () => {
    const response = await fetch(`${h.bot.url}/api/other`);
    expect(response.status).toBe(404);
    noInternals(await response.text());
  });
});

describe('ids of the wrong type', () => {
  let bot: BotHarness;
  beforeEach(async () => {
    bot = await botHarness();
  });
  afterEach(() => bot.close());

  it.each([[42], [['a', 'b']], [{ id: OPERATOR.aadObjectId }]])('refuses a message from aadObjectId %j cleanly', async (aadObjectId) => {
    const sent = await bot.say('diagnose alice@contoso.com', { ...OPERATOR, aadObjectId: aadObjectId as never });
    const text = JSON.stringify(sent);
    expect(text).toContain('Only members of the Passkey Doctor operators group');
    expect(text).not.toContain('Unexpected');
  });

  it.each([[42], [['a']], [{}]])('refuses a click from aadObjectId %j cleanly', async (aadObjectId) => {
    const answer = await bot.click('verdict.rerun', { runId: ['x'] }, undefined, { ...OPERATOR, aadObjectId: aadObjectId as never });
    expect(answer?.value).toMatch(/^Only members of the Passkey Doctor operators group/);
  });
});
