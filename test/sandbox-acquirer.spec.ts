// The sandbox acquirer's own pages in a real browser: the card form and the 3-D Secure challenge,
// from the keyboard, with axe-core checks, ending on the merchant's return link.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxGateway, type AcquirerGateway } from '@voltpay/acquirer-gateway';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectBrowserErrors, launchBrowser, screenshot } from './support/browser';
import { stackEnv } from './support/stack-env';

// With ACQUIRER_URL naming another acquirer there is no sandbox to test.
describe.skipIf(!stackEnv.acquirerUrl || !stackEnv.acquirerApiKey)('sandbox acquirer pages', () => {
  let browser: Browser;
  let gateway: AcquirerGateway;
  // Stands in for the merchant's return page: the test must see the browser arrive there.
  let merchant: Server;
  let merchantUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    gateway = createSandboxGateway({ baseUrl: stackEnv.acquirerUrl!, apiKey: stackEnv.acquirerApiKey!, webhookSecret: 'unused-by-these-tests' });
    merchant = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="ru"><title>Магазин</title><h1>Снова на сайте продавца</h1></html>');
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (merchant ? merchant.close(() => resolve()) : resolve()));
  });

  const newOrder = async (locale: 'ru' | 'en' = 'ru') => {
    const reference = randomUUID();
    const returnUrl = `${merchantUrl}/pay/${reference}/return`;
    const { orderId, paymentUrl } = await gateway.createOrder({
      reference,
      attempt: 1,
      amountKopecks: 123_456,
      description: 'Электроэнергия, 2026-10 (e2e)',
      locale,
      returnUrl,
    });
    return { orderId, paymentUrl, returnUrl };
  };
  const openPage = async (): Promise<Page> => (await browser.newContext()).newPage();
  const expiryYear = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');

  it('card form and 3-D Secure from the keyboard, back on the merchant’s return link, approved', async () => {
    const { orderId, paymentUrl, returnUrl } = await newOrder();
    const page = await openPage();
    await page.goto(paymentUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Оплата картой');
    expect(await page.locator('main').textContent()).toContain('1\u202F234,56\u00A0₽');
    expect(await page.getByRole('note').textContent()).toMatch(/SANDBOX · тестовый эквайер/);
    await expectAccessible(page);
    await screenshot(page, 'sandbox-acquirer-card');

    // Label → field, then Tab through the form in order, Enter submits with "Оплатить".
    await page.getByLabel('Имя владельца').focus();
    await page.keyboard.type('IVAN PETROV');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('number');
    await page.keyboard.type('4000 0000 0000 3220');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type(expiryYear);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('cc-csc');
    await page.keyboard.type('123');
    await Promise.all([page.waitForURL(/\/otp/), page.keyboard.press('Enter')]);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Подтверждение платежа (3-D Secure)');
    expect(await page.locator('main').textContent()).toContain('•••• 3220');
    await expectAccessible(page);
    await screenshot(page, 'sandbox-acquirer-otp');
    const code = (await page.getByTestId('sandbox-otp').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Одноразовый пароль').focus();
    await page.keyboard.type(code);
    await Promise.all([page.waitForURL(returnUrl), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Снова на сайте продавца');

    // Authorisation completes a moment after 3-D Secure.
    const deadline = Date.now() + 10_000;
    let status = (await gateway.getOrder({ orderId })).status;
    while (status !== 'APPROVED' && Date.now() < deadline) {
      expect(status).toBe('PROCESSING');
      await new Promise((r) => setTimeout(r, 200));
      status = (await gateway.getOrder({ orderId })).status;
    }
    expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'APPROVED', cardLast4: '3220' });
    await page.context().close();
  });

  it('mistakes are listed, linked to their fields and accessible; nothing is charged', async () => {
    expectBrowserErrors(/status of 422/, 'the card form with mistakes is answered 422, as the acquirer does');
    const { orderId, paymentUrl } = await newOrder();
    const page = await openPage();
    await page.goto(paymentUrl);
    await page.getByLabel('Имя владельца').fill('IVAN PETROV');
    await page.getByLabel('Номер карты').fill('4111 1111 1111 1112');
    await page.getByLabel('Месяц (ММ)').fill('01');
    await page.getByLabel('Год (ГГ)').fill('20');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Оплатить/ }).click()]);
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Номер карты введён с ошибкой');
    expect(await page.getByLabel('Номер карты').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Номер карты').inputValue()).toBe('');
    await expectAccessible(page);
    await screenshot(page, 'sandbox-acquirer-card-errors');
    expect((await gateway.getOrder({ orderId })).status).toBe('CREATED');
    await page.context().close();
  });

  it('in English on request, and "Cancel" returns to the merchant with cancelled=1', async () => {
    const { orderId, paymentUrl, returnUrl } = await newOrder('en');
    const page = await openPage();
    await page.goto(paymentUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('₽1,234.56');
    await Promise.all([page.waitForURL(`${returnUrl}?cancelled=1`), page.getByRole('button', { name: 'Cancel' }).click()]);
    expect((await gateway.getOrder({ orderId })).status).toBe('VOIDED');
    await page.context().close();
  });
});
