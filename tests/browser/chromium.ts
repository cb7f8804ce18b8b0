/**
 * Debian's Chromium driven by playwright-core. When it is not installed the
 * browser tests report themselves skipped with the reason instead of failing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (apt-get install chromium) — browser tests skipped`;

/** `describe` when Chromium is there; otherwise a skipped `describe` whose title says why. */
export const describeInChromium = (title: string, body: () => void) =>
  chromiumMissing ? describe.skip(`${title} [skipped: ${chromiumMissing}]`, body) : describe(title, body);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function resultsDir(...parts: string[]): string {
  const dir = join(__dirname, '../../test-results', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
