// A whole payment on a 360 px phone in English: the language switch, "Edit amount" with a typed
// sum (no readings), the frictionless test card, the success page with its receipt. Nothing may
// overflow sideways, the total stays on screen, and every page passes axe-core.
import { prisma } from '@voltpay/prisma';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { createTestAccount, testPeriod } from './support/payments';
import {
  agreeToTerms,
  choosePeriod,
  confirmOnReview,
  enterAccount,
  enterAmount,
  eventually,
  fetchPaymentState,
  goToReview,
  openResidentPage,
  payOnAcquirerPage,
  totalText,
  waitForDetails,
  waitForScreen,
} from './support/resident';
import { SANDBOX_CARDS } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

const PHONE = { width: 360, height: 740 };

const expectFitsPhone = async (page: Page) => {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
};

describe('English, on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switch to English, pay a typed amount with the frictionless card, get the receipt', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { commonAreaKopecks: 10_000, period });
    // Russian first: the resident switches the language on the terms page.
    const page = await openResidentPage(browser, { viewport: PHONE });
    await page.goto(`${stackEnv.webUrl}/pay`);
    await page.getByRole('button', { name: 'English language' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of service' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectFitsPhone(page);
    await screenshot(page, 'pay-en-phone-1-terms');
    await expectAccessible(page);

    const paymentId = await agreeToTerms(page);
    expect((await fetchPaymentState(paymentId)).locale).toBe('en');
    await page.getByRole('combobox', { name: 'District' }).selectOption({ label: 'Омск' });
    await page.getByRole('button', { name: 'How do I find my account number?' }).click();
    await page.getByRole('img', { name: /A sample electricity bill/ }).waitFor();
    await expectFitsPhone(page);
    await screenshot(page, 'pay-en-phone-2-account');
    await expectAccessible(page);
    await enterAccount(page, { district: 'Омск', number: account.number });
    await waitForDetails(page);

    await choosePeriod(page, period);
    await enterAmount(page, '1234,56');
    // ₽1,234.56 typed + ₽100.00 common areas.
    await eventually(() => totalText(page)).toBe('₽1,334.56');
    // The total bar stays in sight at the bottom of the phone's screen.
    const bar = await page.locator('.total-bar').boundingBox();
    expect(bar).not.toBeNull();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(PHONE.height + 1);
    await expectFitsPhone(page);
    await screenshot(page, 'pay-en-phone-3-details');
    await expectAccessible(page);

    await goToReview(page);
    expect(await page.getByTestId('review-total').textContent()).toBe('₽1,334.56');
    expect(await page.locator('main').textContent()).toContain('Amount without readings');
    await expectFitsPhone(page);
    await screenshot(page, 'pay-en-phone-4-review');
    await expectAccessible(page);

    await confirmOnReview(page);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await payOnAcquirerPage(page, SANDBOX_CARDS.frictionless);
    await waitForScreen(page, 'success');
    await page.getByRole('heading', { level: 1, name: 'Payment successful' }).waitFor();
    await page.getByTestId('receipt-number').waitFor();
    expect(await page.getByTestId('status-amount').textContent()).toBe('₽1,334.56');
    expect(await page.getByTestId('receipt-download').getAttribute('href')).toMatch(/^\/api\/v1\/receipts\/\d{8}-\d{6}\.pdf\?code=[\w-]+&lang=en$/);
    await expectFitsPhone(page);
    await screenshot(page, 'pay-en-phone-5-success');
    await expectAccessible(page);

    const state = await fetchPaymentState(paymentId);
    expect(['POSTING', 'COMPLETED']).toContain(state.status);
    expect(state.electricity).toEqual({ kind: 'amount', amountKopecks: 123_456 });
    await page.context().close();
  }, 120_000);
});
