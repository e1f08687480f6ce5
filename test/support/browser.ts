// Chromium for the e2e tier: the system browser `npm test` found or installed (CHROME_PATH),
// launched with the flags a machine without outside network needs. Every context it opens is
// watched for console errors and uncaught page errors; browser-errors.ts (an e2e setup file)
// fails the test that caused any the test did not say it expects.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { stackEnv } from './stack-env';

/** What the watched pages logged as errors since the last `takeBrowserErrors()`. */
let browserErrors: string[] = [];
/** Errors the running test expects (a 404 page it asked for), with why. */
let expectedErrors: { pattern: RegExp; why: string }[] = [];

const recordError = (text: string) => {
  if (!expectedErrors.some(({ pattern }) => pattern.test(text))) browserErrors.push(text);
};

const watchForErrors = (context: BrowserContext) => {
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed resource load names the resource only in the location, not in the text.
    const resource = message.location().url;
    recordError(`console error on ${message.page()?.url() ?? '(no page)'}: ${message.text()}${resource ? ` [${resource}]` : ''}`);
  });
  context.on('weberror', (error) => recordError(`uncaught error on ${error.page()?.url() ?? '(no page)'}: ${error.error().stack ?? error.error().message}`));
};

export const launchBrowser = async (): Promise<Browser> => {
  const browser = await chromium.launch({
    ...(stackEnv.chromePath ? { executablePath: stackEnv.chromePath } : {}),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // browser.newPage() opens its context through newContext() as well.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchForErrors(context);
    return context;
  };
  return browser;
};

/**
 * The running test expects browser errors matching `pattern` (e.g. the "Failed to load resource:
 * … 404" Chromium logs for a 404 page the test opens on purpose); say `why`. Until the test ends.
 */
export const expectBrowserErrors = (pattern: RegExp, why: string) => {
  expectedErrors.push({ pattern, why });
};

/** The errors logged since the last call, and forget the running test's expected ones. */
export const takeBrowserErrors = (): string[] => {
  const taken = browserErrors;
  browserErrors = [];
  expectedErrors = [];
  return taken;
};

/** Keeps a full-page screenshot of each step under test/artifacts/screenshots (a CI artifact). */
export const screenshot = async (page: Page, name: string) => {
  const dir = path.join(stackEnv.artifactsDir, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
};

/**
 * The page fits its window (WCAG 1.4.10, reflow): it does not scroll sideways (a wide table scrolls
 * inside its own box), and no button's label is cut short ("Перепро…"): a clerk must see every
 * action whole at 1280 px, and a resident at 390.
 */
export const expectFits = async (page: Page) => {
  const misfits = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      // Name the widest element that sticks out on the right, so a failure says where to look.
      const culprit = [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.getClientRects().length > 0)
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .find((el) => ![...el.children].some((child) => child.getBoundingClientRect().right >= el.getBoundingClientRect().right));
      const where = culprit
        ? `${culprit.tagName.toLowerCase()}${culprit.className && typeof culprit.className === 'string' ? `.${culprit.className.split(' ')[0]}` : ''} «${(culprit.textContent ?? '').trim().slice(0, 40)}»`
        : 'unknown';
      found.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window (widest: ${where})`);
    }
    for (const button of document.querySelectorAll<HTMLElement>('button, a[role="button"], [data-button="true"]')) {
      if (button.getClientRects().length === 0) continue;
      for (const box of [button, ...button.querySelectorAll<HTMLElement>('span')]) {
        const style = getComputedStyle(box);
        if ((style.overflow === 'hidden' || style.textOverflow === 'ellipsis') && box.scrollWidth > box.clientWidth + 1) {
          found.push(`the button «${(button.textContent ?? '').trim().slice(0, 60)}» is cut short (${box.scrollWidth} px of text in ${box.clientWidth} px)`);
          break;
        }
      }
    }
    return found;
  });
  expect(misfits, `at ${page.viewportSize()?.width ?? '?'} px`).toEqual([]);
};

/** Zero serious or critical axe-core violations on the page as it is now, and the page fits its window. */
export const expectAccessible = async (page: Page) => {
  await expectFits(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
};
