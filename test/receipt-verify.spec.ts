// The public receipt check (/receipts/verify, what the QR code on every receipt opens) in a real
// browser: a genuine receipt shows what it certifies (masked), a forged code or an unknown number
// shows "not genuine" and nothing else, a later refund is said plainly; English; a 360 px phone.
import { randomInt } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { payWithReceipt, type ReceiptedPayment } from './support/receipted-payment';
import { stackEnv } from './support/stack-env';

const NAVIGATION = { timeout: 120_000 } as const;
const SEE = { timeout: 30_000 } as const;
const verifyUrl = (params: Record<string, string>) => new URL(`/receipts/verify?${new URLSearchParams(params)}`, stackEnv.webUrl).toString();

/** A different code of the same shape: one character changed. */
const forge = (code: string) => {
  const i = code.indexOf('-') + 1;
  return `${code.slice(0, i)}${code[i] === 'Z' ? 'Y' : 'Z'}${code.slice(i + 1)}`;
};

describe('receipt verification page', () => {
  let browser: Browser;
  let paid: ReceiptedPayment;
  let refunded: ReceiptedPayment;

  beforeAll(async () => {
    browser = await launchBrowser();
    [paid, refunded] = [await payWithReceipt({ email: null, kwh: 110 }), await payWithReceipt({ email: null, kwh: 90 })];
    // A refund of a completed payment is the operator's (another workflow). What this page must
    // show is the read model saying REFUNDED after the receipt was issued; the receipt's code does
    // not cover the status, so it stays genuine.
    await prisma.payment.update({ where: { id: refunded.paymentId }, data: { status: 'REFUNDED' } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await prisma.$disconnect();
  });

  const openPage = async (options: BrowserContextOptions = {}): Promise<Page> =>
    (await browser.newContext({ ...options, extraHTTPHeaders: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` } })).newPage();

  it('opens from the receipt’s QR link and says the receipt is genuine, with its key facts masked', async () => {
    const page = await openPage();
    // The very link printed as a QR code on the PDF.
    expect(paid.state.receipt?.verificationUrl).toBe(verifyUrl({ number: paid.receipt.number, code: paid.receipt.verificationCode }));
    await page.goto(paid.state.receipt!.verificationUrl, NAVIGATION);
    const heading = page.getByRole('heading', { name: 'Квитанция подлинная' });
    await heading.waitFor(SEE);
    // The verdict takes focus, so a screen reader starts there: once the page's script has run,
    // which on a cold, busy stack comes after the server-rendered heading shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('verify-result');
    const result = (await page.getByTestId('verify-result').textContent()) ?? '';
    expect(result).toContain(paid.receipt.number);
    const roubles = (paid.receipt.totalKopecks / 100).toFixed(2).replace('.', ',');
    expect(result.replace(/[\u202F\u00A0 ]/g, '')).toContain(`${roubles}₽`);
    expect(result).toContain(paid.account.number.slice(-4));
    expect(result).not.toContain(paid.account.number);
    expect(result).toContain('ул. Тестовая');
    expect(result).toContain('кв. ••');
    expect(result).toContain('(Омск)');
    expect(result).toContain('Оплачен');
    expect(result).not.toContain('возвращены');
    await screenshot(page, 'receipt-verify-genuine');
    await expectAccessible(page);
    await page.context().close();
  }, 180_000);

  it('a forged code and an unknown number get the same answer, which reveals nothing', async () => {
    const page = await openPage();
    await page.goto(verifyUrl({ number: paid.receipt.number, code: forge(paid.receipt.verificationCode) }), NAVIGATION);
    await page.getByRole('heading', { name: 'Квитанция не подтверждена' }).waitFor(SEE);
    const forged = (await page.getByTestId('verify-result').textContent()) ?? '';
    const main = (await page.locator('main').textContent()) ?? '';
    const roubles = (paid.receipt.totalKopecks / 100).toFixed(2).replace('.', ',');
    expect(main.replace(/[\u202F\u00A0 ]/g, '')).not.toContain(`${roubles}₽`);
    expect(main).not.toContain(paid.account.number.slice(-4));
    expect(main).not.toContain('Тестовая');
    await screenshot(page, 'receipt-verify-forged');
    await expectAccessible(page);

    // The form, typed: a number that was never issued, with a well-formed code.
    await page.getByLabel('Номер квитанции').fill('20000101-000001');
    await page.getByLabel('Код проверки').fill(paid.receipt.verificationCode.toLowerCase());
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.waitForURL(/number=20000101-000001/, NAVIGATION);
    await page.getByRole('heading', { name: 'Квитанция не подтверждена' }).waitFor(SEE);
    expect(await page.getByTestId('verify-result').textContent()).toBe(forged);
    await page.context().close();
  }, 180_000);

  it('accepts the code as people type it, and ties shape errors to their fields', async () => {
    const page = await openPage();
    await page.goto(new URL('/receipts/verify', stackEnv.webUrl).toString(), NAVIGATION);
    await page.getByRole('heading', { level: 1, name: 'Проверка подлинности квитанции' }).waitFor(SEE);
    await expectAccessible(page);

    await page.getByLabel('Номер квитанции').fill('2026');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Номер квитанции — 14 цифр, например 20261126-000042.').waitFor(SEE);
    await page.getByText('Введите код проверки.').waitFor(SEE);
    const number = page.getByLabel('Номер квитанции');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await number.getAttribute('aria-describedby')).toContain('verify-number-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-number');
    expect(await page.getByTestId('verify-result').count()).toBe(0);
    await screenshot(page, 'receipt-verify-errors');
    await expectAccessible(page);

    // Spaces instead of dashes, lower case: the same receipt.
    await number.fill(paid.receipt.number.replace('-', ' '));
    await page.getByLabel('Код проверки').fill(paid.receipt.verificationCode.replaceAll('-', ' ').toLowerCase());
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByRole('heading', { name: 'Квитанция подлинная' }).waitFor(SEE);
    await page.context().close();
  }, 180_000);

  it('says clearly when a genuine receipt’s payment was refunded later', async () => {
    const page = await openPage();
    await page.goto(verifyUrl({ number: refunded.receipt.number, code: refunded.receipt.verificationCode }), NAVIGATION);
    await page.getByRole('heading', { name: 'Квитанция подлинная' }).waitFor(SEE);
    const result = (await page.getByTestId('verify-result').textContent()) ?? '';
    expect(result).toContain('деньги по этому платежу позже были возвращены плательщику');
    expect(result).toContain('Деньги возвращены');
    await screenshot(page, 'receipt-verify-refunded');
    await expectAccessible(page);
    await page.context().close();
  }, 180_000);

  it('in English, on a 360 px phone', async () => {
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: stackEnv.webUrl }]);
    await page.goto(verifyUrl({ number: paid.receipt.number, code: paid.receipt.verificationCode }), NAVIGATION);
    await page.getByRole('heading', { name: 'The receipt is genuine' }).waitFor(SEE);
    const result = (await page.getByTestId('verify-result').textContent()) ?? '';
    expect(result).toContain('Payment status');
    expect(result).toContain('(Omsk time)');
    expect(result).toMatch(/₽[\d,]+\.\d{2}/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'receipt-verify-en-phone');
    await expectAccessible(page);
    await page.context().close();
  }, 180_000);
});
