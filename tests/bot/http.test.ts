/** The bot over HTTP: the real TeamsAdapter and express, with a fake Bot Connector (httpHarness.ts). */
import { quietHttpBot, type HttpBot } from './httpHarness';

describe('the bot over HTTP with a fake Bot Connector', () => {
  let h: HttpBot;
  quietHttpBot((started) => (h = started));

  it('listens on loopback only while anonymous, and answers /healthz', async () => {
    expect(new URL(h.bot.url).hostname).toBe('127.0.0.1');
    const health = await fetch(`${h.bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('posts a typing indicator and then the verdict card to the connector', async () => {
    const response = await h.message({ text: 'diagnose alice@contoso.com' });
    expect(response.status).toBe(200);
    const posted = h.connector.captured.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posted.map((a) => a.type)).toEqual(['typing', 'message']);
    const card = posted[1].attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card.content)).toContain('no MFA-capable method');
    expect(h.connector.captured[1]).toMatchObject({ conversation: 'a:personal-chat', activityId: posted[1].replyToId });
  });

  it('answers an Action.Execute click in the HTTP response and updates the shared card through the connector', async () => {
    h.connector.captured.length = 0;
    await h.message({ text: 'diagnose bob@contoso.com' });
    const cardMessage = h.connector.captured.find((c) => c.body.type === 'message')!;
    const runId = cardMessage.body.attachments[0].content.actions.find((a: any) => a.verb === 'verdict.rerun').data.runId;
    const response = await h.click('verdict.rerun', { runId }, cardMessage.assignedId);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Nothing changed since the run at');
    const update = h.connector.captured.find((c) => c.method === 'PUT')!;
    expect(update).toMatchObject({ conversation: 'a:personal-chat', activityId: cardMessage.assignedId });
    expect(update.body.attachments[0].content).toEqual(body.value);
  });

  it('answers a button no feature handles with a message, not a 501', async () => {
    const response = await h.post(h.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'tap.issue', data: {} } } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That action is not available yet in this version of Passkey Doctor.' });
  });
});
