/**
 * End to end in a Teams-like client: the bot on the sandbox tenant and the
 * Microsoft 365 Agents Playground, driven in Chromium. Screenshots go to
 * test-results/playground/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../src/bot/playground';
import { sandboxPlaygroundPeople } from '../../src/bot/settings';
import { startBot, type RunningBot } from '../../src/bot/startup';
import { setLogSink } from '../../src/logger';
import { describeInChromium, launchChromium, resultsDir } from './chromium';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describeInChromium('the bot in the Agents Playground (Chromium)', () => {
  let bot: RunningBot;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  let restoreLogs: ReturnType<typeof setLogSink>;
  const shots = resultsDir('playground');

  beforeAll(async () => {
    restoreLogs = setLogSink(() => undefined);
    workDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-playground-'));
    bot = await startBot({ env: { STATE_STORE: `file:${join(workDir, 'state')}` }, port: 0 });
    [playground, browser] = await Promise.all([
      startPlayground({ endpoint: `${bot.url}/api/messages`, ...sandboxPlaygroundPeople(), port: await freePort(), workDir }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
    await page.goto(playground.url);
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.close();
    rmSync(workDir, { recursive: true, force: true });
    setLogSink(restoreLogs);
  });

  async function type(text: string): Promise<void> {
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('answers "diagnose alice@contoso.com" with the verdict card and its root cause', async () => {
    const editor = page.locator('[data-lexical-editor="true"]');
    await editor.click();
    await page.keyboard.type('diagnose alice@contoso.com');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'no MFA-capable method' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.getByText('Root cause: layer 3 · MFA bootstrap · owner: Identity team').count()).resolves.toBe(1);
    await page.screenshot({ path: join(shots, '1-diagnose-alice-chat.png') });
    await card.screenshot({ path: join(shots, '1-diagnose-alice-card.png') });
  }, 30_000);

  it('requests a TAP from alice\'s card: the waiting card appears, and the operator cannot approve it herself', async () => {
    const verdict = page.locator('.ac-adaptiveCard', { hasText: 'no MFA-capable method' }).last();
    await verdict.getByRole('button', { name: 'Request TAP' }).click();
    const waiting = page.locator('.ac-adaptiveCard', { hasText: 'Waiting for an approver' }).last();
    await waiting.waitFor({ timeout: 15_000 });
    await expect(waiting.getByText('Hana Patel asked for a Temporary Access Pass for Alice Wong', { exact: false }).count()).resolves.toBe(1);
    await expect(waiting.getByRole('button', { name: 'Approve and issue' }).count()).resolves.toBe(1);
    await waiting.screenshot({ path: join(shots, '2-tap-request-waiting-card.png') });

    // Hana is an operator, not a TAP approver: her click is refused to her alone and the card stays as it is.
    await waiting.getByRole('button', { name: 'Approve and issue' }).click();
    await page.getByText('Only members of the TAP approvers group can do this').first().waitFor({ timeout: 15_000 });
    await expect(page.locator('.ac-adaptiveCard', { hasText: 'Waiting for an approver' }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, '2-tap-request-refused-chat.png') });
  }, 30_000);

  it('explains bob\'s exclusion with the group that excludes him', async () => {
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('diagnose bob@contoso.com');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Bob Ortiz · bob@contoso.com' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.getByText(/exclusion "Passkey Exclusions"/).count()).resolves.toBeGreaterThan(0);
    await card.screenshot({ path: join(shots, '3-diagnose-bob-card.png') });
  }, 30_000);

  it('approves the TAP as the approver after "as approver": the pass is shown to her alone, once', async () => {
    await type('as approver');
    await page.getByText('Sandbox: you are now Adele').first().waitFor({ timeout: 15_000 });
    const waiting = page.locator('.ac-adaptiveCard', { hasText: 'Waiting for an approver' }).last();
    await waiting.getByRole('button', { name: 'Approve and issue' }).click();
    const secret = page.locator('.ac-adaptiveCard', { hasText: 'Only you can see this. It is shown once' }).last();
    await secret.waitFor({ timeout: 15_000 });
    await expect(secret.getByText('Temporary Access Pass for Alice Wong').count()).resolves.toBe(1);
    // The pass: the card's one monospace run, long enough to be a real TAP.
    await expect(secret.innerText()).resolves.toMatch(/\n\S{8,}\n/);
    await secret.screenshot({ path: join(shots, '4-tap-approved-pass-card.png') });
    await page.screenshot({ path: join(shots, '4-tap-approved-chat.png') });
  }, 30_000);

  it('back as the operator, re-runs alice\'s card and shows layer 3 now passes', async () => {
    await type('as operator');
    await page.getByText('Sandbox: you are now Hana').first().waitFor({ timeout: 15_000 });
    const card = page.locator('.ac-adaptiveCard', { hasText: 'no MFA-capable method' }).first();
    await card.getByRole('button', { name: 'Re-run' }).click();
    const updated = page.locator('.ac-adaptiveCard', { hasText: 'What changed since the run at' }).last();
    await updated.waitFor({ timeout: 15_000 });
    await expect(updated.getByText('Layer 3 · MFA bootstrap: Fail → Pass').count()).resolves.toBe(1);
    await updated.screenshot({ path: join(shots, '5-rerun-alice-card.png') });
  }, 30_000);

  it('answers "policy check" with the tenant design card, and Re-check reads it again', async () => {
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('policy check');
    await page.keyboard.press('Enter');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Passkey policy check of the tenant' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.getByText('3 warnings', { exact: true }).count()).resolves.toBe(1);
    await expect(card.getByRole('link', { name: 'Open in the Entra admin center' }).count()).resolves.toBe(3);
    await card.screenshot({ path: join(shots, '5-policy-check-card.png') });
    await card.getByRole('button', { name: 'Re-check' }).click();
    await page.locator('.ac-adaptiveCard', { hasText: 'Passkey policy check of the tenant' }).last().getByText('3 warnings', { exact: true }).waitFor({ timeout: 15_000 });
  }, 30_000);

  it('answers "report" with the registration digest card, and Diagnose on an outreach row answers with a verdict', async () => {
    await type('report');
    const card = page.locator('.ac-adaptiveCard', { hasText: 'failed passkey registrations' }).last();
    await card.waitFor({ timeout: 15_000 });
    await expect(card.getByText('Reach out: more than two failures').count()).resolves.toBe(1);
    // The playground draws the charts (their fallback tables are for clients that do not).
    await expect(card.locator('svg').count()).resolves.toBeGreaterThanOrEqual(2);
    await card.screenshot({ path: join(shots, '6-digest-card.png') });
    await card.getByRole('button', { name: 'Diagnose' }).first().click();
    await page.locator('.ac-adaptiveCard', { hasText: 'reg.' }).getByRole('button', { name: 'Re-run' }).first().waitFor({ timeout: 15_000 });
  }, 30_000);
});
