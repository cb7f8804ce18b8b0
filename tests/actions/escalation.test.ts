import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EscalationResult } from '../../src/actions/escalation';
import { readyWorld } from '../diagnosis/builders';
import { PEOPLE, harness, runFor, type Harness } from './fakes';
import { escalationSummary } from '../../src/cards/workflowSummaries';

function expectKind<K extends EscalationResult['kind']>(result: EscalationResult, kind: K): Extract<EscalationResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(result)}`);
  return result as Extract<EscalationResult, { kind: K }>;
}

const CHANNEL = { conversation: { id: '19:identity@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'Identity' }, serviceUrl: 'https://smba.example/' };

async function withRoute(h: Harness, owner: 'identity' | 'endpoint' = 'identity') {
  const registered = await h.escalation.registerRoute(PEOPLE.operator, owner, CHANNEL);
  if (registered.kind !== 'registered') throw new Error(registered.message);
  return registered;
}

describe('escalation', () => {
  it('registers a channel for an owner when an operator types "route identity here"', async () => {
    const h = harness();
    const registered = await withRoute(h);
    expect(registered.message).toBe('Escalations for the identity team will be posted in this channel.');
    expect((await h.routes.get('identity'))?.conversation).toEqual(CHANNEL);
    expect(await h.escalation.registerRoute(PEOPLE.outsider, 'endpoint', CHANNEL)).toMatchObject({ kind: 'refused', code: 'AUTH.NOT_OPERATOR' });
    expect(await h.routes.get('endpoint')).toBeUndefined();
  });

  it('says how to register a channel when none is registered and no webhook is set', async () => {
    const h = harness();
    expect(await h.escalation.escalate(PEOPLE.operator, runFor(h.facts.world))).toMatchObject({
      kind: 'refused',
      code: 'ESCALATION.NO_CHANNEL',
      message: expect.stringContaining('type "route identity here"'),
    });
  });

  it('sends the verdict with its evidence, what the help desk tried and the device to the root-cause owner’s channel', async () => {
    const h = harness();
    await withRoute(h);
    const run = runFor(h.facts.world);
    await h.tap.request(PEOPLE.operator, run, { conversationId: 'conv-1' });
    const sent = expectKind(await h.escalation.escalate(PEOPLE.operator, run), 'escalated');

    expect(sent.route?.conversation).toEqual(CHANNEL);
    expect(escalationSummary(sent.record)).toBe("Escalated to the identity team's channel by Hana Patel at 2026-11-22 10:00 UTC.");
    expect(sent.payload).toMatchObject({
      owner: 'identity',
      headline: 'Alice Example cannot register a passkey: layer 3 (L3.NO_MFA_METHOD).',
      escalatedBy: PEOPLE.operator,
      evidence: {
        findings: expect.arrayContaining([expect.objectContaining({ layer: 3, code: 'L3.NO_MFA_METHOD', severity: 'fail' })]),
        methods: [{ kind: 'password', displayName: null, createdDateTime: null }],
        tried: [expect.objectContaining({ who: 'Hana Patel', what: 'tap.requested' })],
        device: run.verdict.device,
      },
      verdict: run.verdict,
    });
    expect(sent.payload.evidence.findings.every((f) => f.severity !== 'info')).toBe(true);
    expect((await h.audit.recent('alice@contoso.com'))[0]).toMatchObject({ what: 'escalation.sent', rootCause: 'L3.NO_MFA_METHOD', note: 'to the identity team channel' });
  });

  it('names passkeys in the evidence by their authenticator', async () => {
    const h = harness();
    await withRoute(h);
    const run = runFor(h.facts.world);
    h.facts.world.methods = { ok: true, value: [...h.writes.passkeys] };
    const sent = expectKind(await h.escalation.escalate(PEOPLE.operator, run), 'escalated');
    expect(sent.payload.evidence.methods).toEqual([expect.objectContaining({ kind: 'fido2', authenticator: 'YubiKey 5 Series' })]);
  });

  it('routes an endpoint root cause to the endpoint team and a session root cause to the identity team', async () => {
    const h = harness();
    await withRoute(h, 'endpoint');
    const run = runFor(h.facts.world, 'run-endpoint');
    const endpoint = { ...run, verdict: { ...run.verdict, rootCause: { layer: 5 as const, code: 'L5.UNSUPPORTED_BROWSER' as const, owner: 'endpoint' as const } } };
    expect(expectKind(await h.escalation.escalate(PEOPLE.operator, endpoint), 'escalated').record.owner).toBe('endpoint');
    const session = { ...run, runId: 'run-session', verdict: { ...run.verdict, rootCause: { layer: 4 as const, code: 'L4.MFA_STALE' as const, owner: 'user-session' as const } } };
    expect(await h.escalation.escalate(PEOPLE.operator, session)).toMatchObject({ code: 'ESCALATION.NO_CHANNEL', message: expect.stringContaining('identity team') });
  });

  it('refuses when nothing fails or warns, and for non-operators', async () => {
    const h = harness();
    await withRoute(h);
    const ready = runFor(readyWorld());
    expect(ready.verdict.outcome).not.toMatch(/blocked|at-risk/);
    expect(await h.escalation.escalate(PEOPLE.operator, ready)).toMatchObject({ code: 'ESCALATION.NO_OWNER' });
    expect(await h.escalation.escalate(PEOPLE.approver, runFor(h.facts.world))).toMatchObject({ code: 'AUTH.NOT_OPERATOR' });
  });

  it('escalates a diagnosis once, however often or fast the button is clicked', async () => {
    const h = harness();
    await withRoute(h);
    const run = runFor(h.facts.world);
    const results = await Promise.all([1, 2, 3].map(() => h.escalation.escalate(PEOPLE.operator, run)));
    expect(results.filter((r) => r.kind === 'escalated')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'refused').map((r) => (r as { code: string }).code)).toEqual(['REQUEST.ALREADY_DONE', 'REQUEST.ALREADY_DONE']);
    expect((await h.audit.recent('alice@contoso.com')).filter((e) => e.what === 'escalation.sent')).toHaveLength(1);
  });

  describe('ticketing webhook', () => {
    let server: Server;
    let received: Array<{ contentType?: string; body: any }>;
    let status: number;
    let url: string;

    beforeEach(async () => {
      received = [];
      status = 202;
      server = createServer((req, res) => {
        let text = '';
        req.on('data', (chunk) => (text += chunk));
        req.on('end', () => {
          received.push({ contentType: req.headers['content-type'], body: JSON.parse(text) });
          res.statusCode = status;
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`;
    });
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('posts the verdict JSON to the webhook as well as the channel', async () => {
      const h = harness({ webhookUrl: url });
      await withRoute(h);
      const run = runFor(h.facts.world);
      const sent = expectKind(await h.escalation.escalate(PEOPLE.operator, run), 'escalated');
      expect(received).toEqual([{ contentType: 'application/json', body: expect.objectContaining({ owner: 'identity', verdict: JSON.parse(JSON.stringify(run.verdict)) }) }]);
      expect(escalationSummary(sent.record)).toMatch(/^Escalated to the identity team's channel and the ticketing webhook by Hana Patel/);
    });

    it('escalates through the webhook alone, saying how to register a channel too', async () => {
      const h = harness({ webhookUrl: url });
      const sent = expectKind(await h.escalation.escalate(PEOPLE.operator, runFor(h.facts.world)), 'escalated');
      expect(sent.route).toBeNull();
      expect(sent.notice).toMatch(/webhook only.*route identity here/);
    });

    it('lets a failed delivery be escalated again once a channel is registered', async () => {
      status = 500;
      const h = harness({ webhookUrl: url });
      const run = runFor(h.facts.world);
      expect(await h.escalation.escalate(PEOPLE.operator, run)).toMatchObject({ code: 'ESCALATION.NO_CHANNEL', message: expect.stringContaining('did not accept') });
      await withRoute(h);
      const sent = expectKind(await h.escalation.escalate(PEOPLE.operator, run), 'escalated');
      expect(sent.notice).toBe('Posted to the channel, but the ticketing webhook did not accept it.');
    });
  });
});
