import { policyCheckCard } from '../../src/cards/render';
import { evaluatePolicy, policyCheckDocument } from '../../src/tenant/policyCheck/evaluate';
import { factsOf, soundTenant, STRENGTHS, caPolicy, type Tenant } from '../tenant/policyBuilders';
import { cardProblems } from './adaptiveCardsParser';

const GRAPH = { requests: 5, roundTrips: 2, ms: 120 };
const documentOf = (t: Tenant) => policyCheckDocument(factsOf(t), GRAPH, '2026-12-03T10:00:00.000Z');

function flawedTenant(): Tenant {
  const t = soundTenant();
  t.fido2.passkeyProfiles[0].keyRestrictions.aaGuids = [];
  t.fido2.passkeyProfiles[0].name = 'Executives [VIP] *';
  t.fido2.isSelfServiceRegistrationAllowed = false;
  t.tap.state = 'disabled';
  t.registrationCa = [caPolicy({ authenticationStrengthId: STRENGTHS.phishingResistant.id })];
  t.securityDefaults = true;
  return t;
}

const rowsOf = (card: any) => card.body.filter((item: any) => item.type === 'Container' && item.items?.[0]?.type === 'ColumnSet' && item.separator);

describe('the policy-check card', () => {
  it('renders in the adaptivecards renderer with no unbound fields, flawed or sound', () => {
    for (const t of [flawedTenant(), soundTenant()]) {
      const card = policyCheckCard(documentOf(t));
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card).match(/\$\{[^}]*\}/g)).toBeNull();
    }
  });

  it('headlines the counts and gives one row per finding with icon, message, fix and the admin-center link', () => {
    const doc = documentOf(flawedTenant());
    const card: any = policyCheckCard(doc);
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('2 problems, 3 warnings, 1 note');
    const rows = rowsOf(card);
    expect(rows).toHaveLength(doc.findings.length);
    const first = rows[0].items[0].columns;
    expect(first[0].items[0].text).toBe('✖');
    expect(first[1].items[1].text).toMatch(/^Fix: /);
    expect(first[1].items[2].text).toMatch(/^\[Open in the Entra admin center\]\(https:\/\/entra\.microsoft\.com\//);
  });

  it('escapes Markdown in names that come from the tenant', () => {
    const text = JSON.stringify(policyCheckCard(documentOf(flawedTenant())));
    expect(text).toContain('Executives \\\\[VIP\\\\] \\\\*');
  });

  it('says the design is sound when nothing is found', () => {
    expect(evaluatePolicy(factsOf(soundTenant()))).toEqual([]);
    const card: any = policyCheckCard(documentOf(soundTenant()));
    expect(card.body[0].items[0].columns[0].items[0].text).toBe('No design problems found');
  });

  it('offers Re-check with no tenant data in its data', () => {
    const card: any = policyCheckCard(documentOf(flawedTenant()));
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Re-check', verb: 'policy.recheck', data: {} }]);
  });
});
