// Chromium for the e2e tier: the system browser `npm test` found or installed (CHROME_PATH),
// launched with the flags a machine without outside network needs.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { stackEnv } from './stack-env';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    ...(stackEnv.chromePath ? { executablePath: stackEnv.chromePath } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** Keeps a full-page screenshot of each step under test/artifacts/screenshots (a CI artifact). */
export const screenshot = async (page: Page, name: string) => {
  const dir = path.join(stackEnv.artifactsDir, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
};

/** Zero serious or critical axe-core violations on the page as it is now. */
export const expectAccessible = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
};
