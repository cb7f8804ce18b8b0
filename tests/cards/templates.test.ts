import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeView } from '../../src/cards/noticeView';
import {
  auditCard,
  deviceFormCard,
  escalationCard,
  helpCard,
  noticeCard,
  passkeyListCard,
  passkeyRemovalCard,
  tapConfirmReplaceCard,
  tapRequestCard,
  tapSecretCard,
  verdictCard,
  type AdaptiveCardJson,
} from '../../src/cards/render';
import { verdictChanges } from '../../src/cards/verdictChanges';
import { verdictView } from '../../src/cards/verdictView';
import { VERBS } from '../../src/cards/verbs';
import { ERRORS, type ErrorCode } from '../../src/errors/catalog';
import { cardProblems } from './adaptiveCardsParser';
import { sampleActions, type SampleActions } from './sampleActions';
import { sampleVerdicts, type SampleVerdict } from './sampleVerdicts';

const TEMPLATES = join(__dirname, '../../src/cards/templates');
const RUN_ID = '6f1c2b1e-2a8e-4f7e-9d51-0c2f3c7b9a10';

const headline = (card: any) => card.body[0].items[0].columns[0].items[0];
const allVerbs = (node: unknown): string[] =>
  Array.isArray(node) ? node.flatMap(allVerbs) : node && typeof node === 'object'
    ? [...(typeof (node as any).verb === 'string' ? [(node as any).verb] : []), ...Object.values(node).flatMap(allVerbs)]
    : [];

describe('card templates', () => {
  let samples: SampleVerdict[];
  beforeAll(async () => {
    samples = await sampleVerdicts();
  });

  it('are Adaptive Card 1.5 JSON files', () => {
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([
      'audit.json',
      'deviceForm.json',
      'digest.json',
      'escalation.json',
      'help.json',
      'notice.json',
      'passkeyList.json',
      'passkeyRemoval.json',
      'policyCheck.json',
      'sweep.json',
      'tapConfirmReplace.json',
      'tapRequest.json',
      'tapSecret.json',
      'verdict.json',
    ]);
    for (const file of files) expect(JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8'))).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('cover every outcome in the samples', () => {
    expect(new Set(samples.map((s) => s.outcome))).toEqual(new Set(['blocked', 'at-risk', 'incomplete', 'ready', 'user-not-found']));
  });

  it('expand the verdict card for every sample without errors in the adaptivecards renderer or unbound fields', () => {
    for (const { name, verdict } of samples) {
      const card = verdictCard(verdict, RUN_ID);
      expect([name, cardProblems(card)]).toEqual([name, []]);
      expect([name, JSON.stringify(card).match(/\$\{[^}]*\}/g)]).toEqual([name, null]);
    }
  });

  it('give each outcome its headline and colour', () => {
    const seen = Object.fromEntries(samples.map(({ outcome, verdict }) => [outcome, headline(verdictCard(verdict, RUN_ID))]));
    expect(seen.blocked).toMatchObject({ text: 'Blocked', color: 'Attention' });
    expect(seen['at-risk']).toMatchObject({ text: 'At risk', color: 'Default' });
    expect(seen.incomplete).toMatchObject({ text: 'Incomplete', color: 'Accent' });
    expect(seen.ready).toMatchObject({ text: 'Ready', color: 'Good' });
    expect(seen['user-not-found']).toMatchObject({ text: 'User not found', color: 'Default' });
  });

  it('show seven layer rows with a status icon and a reason, and evidence behind a toggle', () => {
    const erin = samples.find((s) => s.name === 'blocked-erin-authenticator')!.verdict;
    const card: any = verdictCard(erin, RUN_ID);
    const rows = card.body.find((e: any) => e.id === 'layers').items;
    expect(rows).toHaveLength(7);
    expect(rows[1].columns[0].items[0]).toMatchObject({ text: '✖', color: 'Attention' });
    const evidence = card.body.find((e: any) => e.id === 'evidence');
    expect(evidence.isVisible).toBe(false);
    const text = JSON.stringify(evidence);
    expect(text).toContain('Recent failed registrations');
    expect(text).toContain('Microsoft Authenticator for Android');
    expect(text).toContain('Security keys only — device-bound; attestation enforced; allow list of');
    expect(JSON.stringify(card)).toContain('[Passkey profiles](https://learn.microsoft.com/');
  });

  it('put one next step first and every other fix behind "More fixes", in the verdict\'s order', () => {
    for (const { name, verdict } of samples) {
      const view = verdictView(verdict, RUN_ID);
      const all = [view.nextStep, ...view.moreFixes].filter((f) => f.text);
      const card: any = verdictCard(verdict, RUN_ID);
      const text = JSON.stringify(card);
      if (!view.hasFixes) {
        expect([name, text.includes('Next step')]).toEqual([name, false]);
        continue;
      }
      // The root cause's fix is the next step when there is one.
      const root = verdict.rootCause && verdict.layers.flatMap((l) => l.findings).find((f) => f.code === verdict.rootCause!.code);
      if (root?.fix) expect(view.nextStep.text).toBe(root.fix);
      const more = JSON.stringify(card).includes('"id":"moreFixes"');
      expect([name, more]).toEqual([name, all.length > 1]);
      if (more) {
        const hidden = findById(card, 'moreFixes');
        expect(hidden.isVisible).toBe(false);
        expect(JSON.stringify(hidden)).not.toContain(JSON.stringify(view.nextStep.text));
        expect(text).toContain(`More fixes (${all.length - 1})`);
      }
    }
  });

  it('show "No problem found" on every passing layer row, never its caveats', () => {
    for (const { verdict } of samples.filter((s) => s.outcome !== 'user-not-found')) {
      const card: any = verdictCard(verdict, RUN_ID);
      const rows = card.body.find((e: any) => e.id === 'layers')?.items ?? [];
      verdict.layers.forEach((layer, i) => {
        if (layer.status === 'pass') expect(rows[i].columns[1].items[1].text).toBe('No problem found.');
        else expect(rows[i].columns[1].items[1].text).not.toMatch(/…$/);
      });
    }
  });

  it('say "user not found" in one line, without seven "Not evaluated" rows', () => {
    const card: any = verdictCard(samples.find((s) => s.outcome === 'user-not-found')!.verdict, RUN_ID);
    expect(card.body.find((e: any) => e.id === 'layers')).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('Not evaluated');
  });

  it('show no internal codes, action ids or command-line flags to people in Teams', () => {
    for (const { name, verdict } of samples) {
      const { actions, ...shown } = verdictCard(verdict, RUN_ID) as any;
      const text = JSON.stringify(shown).replace(/"(id|targetElements|verb|type|style|color|\$schema)":"[^"]*"/g, '');
      expect([name, text.match(/\bL[1-7]\.[A-Z_]+|GRAPH\.[A-Z_]+|--[a-z][a-z-]+|issue-tap|add-device-details/g)]).toEqual([name, null]);
    }
  });

  it('render the Re-run card with its changes', () => {
    const [alice, , , dave] = samples.map((s) => s.verdict);
    const card = verdictCard(dave, RUN_ID, verdictChanges(alice, dave));
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Outcome: Blocked → At risk');
  });

  it('use only verbs that handlers register by name, with only the run id as data', () => {
    const verbs = new Set(Object.values(VERBS));
    for (const { verdict } of samples) {
      const card = verdictCard({ ...verdict, suggestedActions: ['issue-tap', 'escalate', 'remove-passkey', 'add-device-details', 'rerun'] }, RUN_ID);
      for (const verb of allVerbs(card)) expect(verbs).toContain(verb);
    }
    const full = verdictCard({ ...samples[0].verdict, suggestedActions: ['issue-tap', 'escalate', 'remove-passkey', 'add-device-details', 'rerun'] }, RUN_ID) as any;
    expect(full.actions.map((a: any) => a.verb ?? a.title)).toEqual(['tap.request', 'escalate', 'passkey.remove', 'Device details', 'verdict.rerun']);
    for (const action of full.actions.filter((a: any) => a.verb)) expect(action.data).toEqual({ runId: RUN_ID });
  });

  it('expand the device form, the help card and a notice for every error code cleanly', () => {
    const cards = [
      deviceFormCard(samples[0].verdict, RUN_ID),
      helpCard(),
      helpCard({ exampleUpn: 'bob@contoso.com', note: 'Running on the sandbox.' }),
      ...(Object.keys(ERRORS) as ErrorCode[]).map((code) => noticeCard(noticeView(code, 'Something specific happened.', 'ab12cd34'))),
    ];
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(/\$\{/);
    }
  });

  describe('for the card actions', () => {
    let actions: SampleActions;
    beforeAll(async () => {
      actions = await sampleActions();
    });

    const clean = (card: AdaptiveCardJson) => {
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(/\$\{/);
      for (const verb of allVerbs(card)) expect(Object.values(VERBS)).toContain(verb);
    };

    it('expand the TAP request card in every state the samples reach, with Approve and Deny only while open', () => {
      const drawn = actions.tap.flatMap((r) => (r.kind !== 'refused' && 'request' in r ? [r] : []));
      expect(drawn.map((r) => r.kind)).toEqual(['requested', 'failed', 'issued', 'confirm-replace', 'denied']);
      for (const result of drawn) {
        const card: any = tapRequestCard(result.request);
        clean(card);
        const verbs = allVerbs(card);
        expect([result.kind, verbs]).toEqual([result.kind, ['requested', 'failed', 'confirm-replace'].includes(result.kind) ? ['tap.approve', 'tap.deny'] : []]);
      }
    });

    it("expand the approver's pass card with the pass once, no actions and no refresh, and the replace question", () => {
      const issued = actions.tap.find((r) => r.kind === 'issued')!;
      if (issued.kind !== 'issued') throw new Error(issued.kind);
      const card: any = tapSecretCard(issued);
      clean(card);
      expect(JSON.stringify(card).split(issued.secret.reveal())).toHaveLength(2);
      expect(card.refresh).toBeUndefined();
      expect(card.actions).toBeUndefined();
      const confirm = actions.tap.find((r) => r.kind === 'confirm-replace')!;
      if (confirm.kind !== 'confirm-replace') throw new Error(confirm.kind);
      clean(tapConfirmReplaceCard(confirm));
    });

    it('expand the passkey list (with and without passkeys) and the removal card', () => {
      const [listed, requested, removed, none] = actions.removal;
      if (listed.kind !== 'passkeys' || none.kind !== 'passkeys' || requested.kind !== 'requested' || removed.kind !== 'removed') throw new Error('unexpected sample');
      const list: any = passkeyListCard(listed);
      clean(list);
      expect(JSON.stringify(list)).toContain('YubiKey 5');
      expect(allVerbs(list)).toEqual(['passkey.removal.request']);
      clean(passkeyListCard(none));
      expect(allVerbs(passkeyRemovalCard(requested.request))).toEqual(['passkey.removal.approve', 'passkey.removal.deny']);
      clean(passkeyRemovalCard(requested.request));
      clean(passkeyRemovalCard(removed.request));
    });

    it('expand the escalation card for the owner channel and the audit card', () => {
      const escalation: any = escalationCard(actions.escalation, RUN_ID);
      clean(escalation);
      expect(escalation.actions).toEqual([{ type: 'Action.Execute', title: 'Re-run', verb: 'verdict.rerun', data: { runId: RUN_ID } }]);
      expect(JSON.stringify(escalation)).toContain('What the help desk already did');
      const audit = auditCard('alice@contoso.com', actions.audit);
      clean(audit);
      expect(JSON.stringify(audit)).toContain('TAP issued');
      clean(auditCard('nobody@contoso.com', []));
    });

    it('mark the verdict card escalated and drop its Escalate button', () => {
      const { verdict } = samples[0];
      const card: any = verdictCard(verdict, RUN_ID, null, { escalation: 'Escalated to the identity team by Hana Patel at 2026-11-22 10:00 UTC.' });
      clean(card);
      expect(JSON.stringify(card)).toContain('Escalated to the identity team by Hana Patel');
      expect(allVerbs(card)).not.toContain('escalate');
    });
  });
});

function findById(node: any, id: string): any {
  if (Array.isArray(node)) return node.map((n) => findById(n, id)).find(Boolean);
  if (node && typeof node === 'object') return node.id === id ? node : Object.values(node).map((n) => findById(n, id)).find(Boolean);
  return undefined;
}
