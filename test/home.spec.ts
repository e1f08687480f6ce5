// The first pages a resident and a staff member see, in a real browser.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectBrowserErrors, launchBrowser, screenshot } from './support/browser';
import { stackEnv } from './support/stack-env';

describe('first pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A context per test (axe-core needs one, and tests must not share cookies or storage).
  const openPage = async (options: BrowserContextOptions = {}): Promise<Page> => (await browser.newContext(options)).newPage();

  it('the residents’ site opens in Russian with the card-payment link top right, on a phone', async () => {
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await page.goto(stackEnv.webUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    const payLink = page.getByRole('link', { name: /Оплата картой VISA \/ MasterCard/ });
    expect(await payLink.isVisible()).toBe(true);
    // Nothing overflows sideways on a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'web-home-phone');
    await expectAccessible(page);
    await page.context().close();
  });

  it('the site works from the keyboard: the first Tab reaches the skip link', async () => {
    const page = await openPage();
    await page.goto(stackEnv.webUrl);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(focused.length).toBeGreaterThan(0);
    await screenshot(page, 'web-home-desktop');
    await page.context().close();
  });

  it('a missing page of the site is a 404 in the resident’s language, Russian first, English after switching', async () => {
    expectBrowserErrors(/status of 404 .*\[.*\/no-such-page/, 'Chromium logs the 404 of the page this test opens on purpose');
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    const response = await page.goto(`${stackEnv.webUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Страница не найдена');
    expect(await page.getByRole('link', { name: 'На главную' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: 'Оплатить электроэнергию картой' }).isVisible()).toBe(true);
    await screenshot(page, 'web-not-found-ru');
    await expectAccessible(page);

    // The resident who chose English (the language switch's cookie) gets it in English.
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: stackEnv.webUrl }]);
    expect((await page.reload())?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Home page' }).isVisible()).toBe(true);
    await screenshot(page, 'web-not-found-en');
    await expectAccessible(page);
    await page.context().close();
  });

  it('both apps have an icon: /favicon.ico and the icon the pages link to answer 200', async () => {
    for (const base of [stackEnv.webUrl, stackEnv.adminUrl]) {
      const ico = await fetch(`${base}/favicon.ico`);
      expect(ico.status, `${base}/favicon.ico`).toBe(200);
      expect(ico.headers.get('content-type')).toMatch(/image\//);
    }
    const page = await openPage();
    await page.goto(stackEnv.webUrl);
    const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) expect((await fetch(href)).status, href).toBe(200);
    await page.context().close();
  });

  // The console's health panel sits behind sign-in now (console-sign-in.spec.ts checks it there).
  it('the staff console asks a signed-out visitor to sign in', async () => {
    const page = await openPage();
    await page.goto(stackEnv.adminUrl);
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход в консоль');
    expect(await page.getByLabel('Рабочая электронная почта').isVisible()).toBe(true);
    await screenshot(page, 'admin-home');
    await expectAccessible(page);
    await page.context().close();
  });

  // With TEMPORAL_ADDRESS (an external cluster) there is no UI of ours to test.
  it.skipIf(!stackEnv.temporalUiUrl)('the Temporal Web UI answers', async () => {
    const response = await fetch(stackEnv.temporalUiUrl!);
    expect(response.status).toBe(200);
  });
});
