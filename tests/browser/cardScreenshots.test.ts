/**
 * Every verdict outcome rendered by the `adaptivecards` renderer in Chromium
 * with a Teams-like host config, saved to test-results/cards/ for review; the
 * buttons are clicked to prove they carry the verb and only the run id.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  auditCard,
  escalationCard,
  passkeyListCard,
  passkeyRemovalCard,
  tapConfirmReplaceCard,
  tapRequestCard,
  tapSecretCard,
  verdictCard,
} from '../../src/cards/render';
import { verdictChanges } from '../../src/cards/verdictChanges';
import { sampleActions } from '../cards/sampleActions';
import { sampleVerdicts, type SampleVerdict } from '../cards/sampleVerdicts';
import { describeInChromium, launchChromium, resultsDir } from './chromium';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig';

const RUN_ID = '6f1c2b1e-2a8e-4f7e-9d51-0c2f3c7b9a10';

async function renderCard(page: Page, card: unknown): Promise<void> {
  await page.evaluate(
    ({ card, hostConfig }) => {
      const w = window as any;
      const adaptiveCard = new w.AdaptiveCards.AdaptiveCard();
      adaptiveCard.hostConfig = new w.AdaptiveCards.HostConfig(hostConfig);
      adaptiveCard.parse(card);
      adaptiveCard.onExecuteAction = (action: any) => {
        w.lastAction = { type: action.getJsonTypeName(), verb: action.verb, data: action.data };
      };
      const root = document.getElementById('root')!;
      root.replaceChildren(adaptiveCard.render());
    },
    { card, hostConfig: TEAMS_LIGHT_HOST_CONFIG },
  );
}

describeInChromium('verdict cards in the adaptivecards renderer (Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let samples: SampleVerdict[];
  const dir = resultsDir('cards');

  beforeAll(async () => {
    [browser, samples] = await Promise.all([launchChromium(), sampleVerdicts()]);
    page = await browser.newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent('<html><body style="margin:0;background:#f5f5f5;font-family:\'Segoe UI\',\'DejaVu Sans\',sans-serif"><div id="root" style="width:600px;margin:16px;background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.2)"></div></body></html>');
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    // Teams renders card markdown; the bare renderer needs a processor for links and bold text.
    await page.evaluate(() => {
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      (window as any).AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text: string, result: any) => {
        result.outputHtml = escape(text)
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/\[([^\]]+)\]\((https:[^)\s]+)\)/g, '<a href="$2">$1</a>');
        result.didProcess = true;
      };
    });
  }, 30_000);
  afterAll(() => browser?.close());

  it('renders a card for every outcome and saves a screenshot of each', async () => {
    for (const { name, verdict } of samples) {
      await renderCard(page, verdictCard(verdict, RUN_ID));
      await page.locator('#root').screenshot({ path: join(dir, `${name}.png`) });
      await expect(page.locator('#root .ac-adaptiveCard').count()).resolves.toBeGreaterThan(0);
    }
  });

  it('shows the evidence behind its toggle and the device form behind its button', async () => {
    const erin = samples.find((s) => s.name === 'blocked-erin-authenticator')!.verdict;
    await renderCard(page, verdictCard(erin, RUN_ID));
    await expect(page.getByText('Recent failed registrations').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Show evidence' }).click();
    await expect(page.getByText('Recent failed registrations').isVisible()).resolves.toBe(true);
    await page.locator('#root').screenshot({ path: join(dir, 'blocked-erin-evidence.png') });
    await page.getByRole('button', { name: 'Device details' }).click();
    await page.locator('#root').screenshot({ path: join(dir, 'device-form.png') });
    await page.getByRole('button', { name: 'Diagnose with these details' }).click();
    const action = await page.evaluate(() => (window as any).lastAction);
    expect(action).toMatchObject({ type: 'Action.Execute', verb: 'device.submit' });
    expect(action.data.runId).toBe(RUN_ID);
  });

  it('renders the Re-run card with what changed, and Re-run carries only the run id', async () => {
    const alice = samples.find((s) => s.name === 'blocked-alice-no-mfa')!.verdict;
    const dave = samples.find((s) => s.name === 'at-risk-dave-stale-mfa')!.verdict;
    await renderCard(page, verdictCard(dave, RUN_ID, verdictChanges(alice, dave)));
    await page.locator('#root').screenshot({ path: join(dir, 'rerun-with-changes.png') });
    await page.getByRole('button', { name: 'Re-run' }).click();
    await expect(page.evaluate(() => (window as any).lastAction)).resolves.toEqual({ type: 'Action.Execute', verb: 'verdict.rerun', data: { runId: RUN_ID } });
  });

  it('renders the action cards, and the passkey list sends its revoke-sessions toggle with the passkey picked', async () => {
    const actions = await sampleActions();
    const cards: Array<[string, unknown]> = [];
    for (const result of actions.tap) {
      if (result.kind !== 'refused' && 'request' in result) cards.push([`tap-request-${result.kind}`, tapRequestCard(result.request)]);
      if (result.kind === 'issued') cards.push(['tap-pass-for-the-approver', tapSecretCard(result)]);
      if (result.kind === 'confirm-replace') cards.push(['tap-confirm-replace', tapConfirmReplaceCard(result)]);
    }
    for (const result of actions.removal) if (result.kind !== 'refused' && 'request' in result) cards.push([`passkey-removal-${result.kind}`, passkeyRemovalCard(result.request)]);
    cards.push(['escalation', escalationCard(actions.escalation, RUN_ID)], ['audit', auditCard('alice@contoso.com', actions.audit)]);
    for (const [name, card] of cards) {
      await renderCard(page, card);
      await page.locator('#root').screenshot({ path: join(dir, `${name}.png`) });
    }

    const listed = actions.removal[0];
    if (listed.kind !== 'passkeys') throw new Error(listed.kind);
    await renderCard(page, passkeyListCard(listed));
    await page.getByText("Also revoke the user's sign-in sessions", { exact: false }).click();
    await page.locator('#root').screenshot({ path: join(dir, 'passkey-list.png') });
    await page.getByRole('button', { name: 'Ask to remove' }).click();
    await expect(page.evaluate(() => (window as any).lastAction)).resolves.toEqual({
      type: 'Action.Execute',
      verb: 'passkey.removal.request',
      data: { runId: listed.runId, methodId: listed.passkeys[0].id, revokeSessions: 'true' },
    });
  });
});
