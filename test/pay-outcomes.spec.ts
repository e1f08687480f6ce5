// The ways a payment ends other than success, in Chromium through the residents' pages: the bank
// declines (a two-zone meter on the way), the resident cancels on our review page or on the
// acquirer's card page, and the 3-D Secure page that never answers runs out the acquirer's wait.
import { prisma } from '@voltpay/prisma';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { getStateQuery, paymentWorkflowId } from '@voltpay/workflows/payment';
import { connectPaymentClient, createTestAccount, testPeriod } from './support/payments';
import {
  choosePeriod,
  confirmOnReview,
  enterAccount,
  enterReading,
  fetchPaymentState,
  fillDraftInBrowser,
  goToReview,
  openResidentPage,
  startPaymentInBrowser,
  submitCardOnAcquirerPage,
  waitBackOnSite,
  waitForDetails,
  waitForScreen,
  eventually,
} from './support/resident';
import { SANDBOX_CARDS } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

describe('payments that end without a charge', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a two-zone meter shows both zones; the bank declines the card and the page says why', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { plan: 'DAY_NIGHT', lastReadings: { DAY: 2_000, NIGHT: 500 }, period });
    const page = await openResidentPage(browser);
    const paymentId = await startPaymentInBrowser(page);
    await enterAccount(page, { district: 'Омск', number: account.number });
    await waitForDetails(page);
    await choosePeriod(page, period);
    await enterReading(page, { zone: /^День$/, end: '2100' });
    await enterReading(page, { zone: /^Ночь$/, end: '550' });
    await eventually(() => page.getByTestId('consumption-DAY').textContent()).toContain('100 кВт·ч');
    await eventually(() => page.getByTestId('consumption-NIGHT').textContent()).toContain('50 кВт·ч');
    await screenshot(page, 'pay-two-zone-details');
    await goToReview(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('День: 2000 → 2100, 100 кВт·ч');
    expect(main).toContain('Ночь: 500 → 550, 50 кВт·ч');

    await confirmOnReview(page);
    await submitCardOnAcquirerPage(page, SANDBOX_CARDS.declined);
    await waitBackOnSite(page);
    await waitForScreen(page, 'declined');
    expect(await page.getByTestId('decline-reason').textContent()).toBe('Деньги не списаны. Причина: банк, выпустивший карту, отказал в операции.');
    expect(await page.getByRole('link', { name: 'Попробовать ещё раз' }).getAttribute('href')).toBe('/pay');
    await screenshot(page, 'pay-result-declined');
    await expectAccessible(page);
    expect((await fetchPaymentState(paymentId)).status).toBe('DECLINED');
    await page.context().close();
  });

  it('"Отказаться от оплаты" on the review page cancels the payment before the bank', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { period });
    const page = await openResidentPage(browser);
    const paymentId = await fillDraftInBrowser(page, { accountNumber: account.number, period });
    await page.getByRole('button', { name: 'Отказаться от оплаты' }).click();
    await page.getByRole('alertdialog').waitFor();
    await screenshot(page, 'pay-cancel-dialog');
    await expectAccessible(page);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Да, отказаться' }).click();
    await waitForScreen(page, 'cancelled');
    expect(new URL(page.url()).pathname).toBe(`/pay/${paymentId}`);
    await screenshot(page, 'pay-result-cancelled');
    await expectAccessible(page);
    const state = await fetchPaymentState(paymentId);
    expect(state.status).toBe('CANCELLED');
    expect(state.acquirer).toBeNull();
    await page.context().close();
  });

  it('"Отменить" on the acquirer’s card page brings the resident back to a cancelled payment', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { period });
    const page = await openResidentPage(browser);
    const paymentId = await fillDraftInBrowser(page, { accountNumber: account.number, period });
    await confirmOnReview(page);
    await page.getByRole('button', { name: 'Отменить' }).click();
    await waitBackOnSite(page);
    await waitForScreen(page, 'cancelled');
    expect((await fetchPaymentState(paymentId)).status).toBe('CANCELLED');
    await screenshot(page, 'pay-result-cancelled-at-acquirer');
    await page.context().close();
  });

  it('an acquirer that stops answering after approving: "we are confirming — do not pay again", then success by itself', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { period });
    const page = await openResidentPage(browser);
    // Frequent re-checks, so the page turns to success soon after the sandbox's outage ends.
    const settings = { recheckScheduleMs: [3_000, 5_000, 10_000, 15_000, 20_000, 30_000, 30_000, 30_000, 30_000] };
    const paymentId = await fillDraftInBrowser(page, { accountNumber: account.number, period, settings });
    await confirmOnReview(page);
    await submitCardOnAcquirerPage(page, SANDBOX_CARDS.acquirerDown);
    await waitBackOnSite(page);
    await waitForScreen(page, 'unconfirmed');
    await page.getByRole('heading', { level: 1, name: 'Мы уточняем результат оплаты в банке — не оплачивайте повторно' }).waitFor();
    await screenshot(page, 'pay-result-unconfirmed');
    await expectAccessible(page);
    expect((await fetchPaymentState(paymentId)).status).toBe('UNCONFIRMED');
    // The sandbox's outage lasts SANDBOX_OUTAGE_MS (12 s under npm test, 2 min on a dev stack).
    await waitForScreen(page, 'success', 170_000);
    await page.getByTestId('receipt-number').waitFor();
    await screenshot(page, 'pay-result-success-after-unconfirmed');
    await page.context().close();
  }, 240_000);

  it('the 3-D Secure page that never answers: the acquirer’s wait runs out and the payment expires', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { period });
    const page = await openResidentPage(browser);
    // A test stack takes short timers through the terms page's query (never a public one).
    const paymentId = await fillDraftInBrowser(page, { accountNumber: account.number, period, settings: { acquirerWaitTimeoutMs: 15_000 } });
    // The timers are the workflow's (the resident's view of the API does not carry them).
    const temporal = await connectPaymentClient();
    try {
      expect((await temporal.client.workflow.getHandle(paymentWorkflowId(paymentId)).query(getStateQuery)).settings.acquirerWaitTimeoutMs).toBe(15_000);
    } finally {
      await temporal.connection.close();
    }
    await confirmOnReview(page);
    await submitCardOnAcquirerPage(page, SANDBOX_CARDS.neverAnswers);
    await page.getByRole('heading', { level: 1, name: 'Банк не отвечает' }).waitFor();

    // The resident gives up on the bank's page and opens the payment's own page: it waits with them.
    await page.goto(`${stackEnv.webUrl}/pay/${paymentId}`);
    const screen = await page.locator('[data-screen]').getAttribute('data-screen');
    if (screen === 'awaitingCard') {
      expect(await page.getByRole('link', { name: 'Перейти на страницу оплаты' }).getAttribute('href')).toMatch(/^http/);
      await screenshot(page, 'pay-result-awaiting-card');
      await expectAccessible(page);
    }
    await waitForScreen(page, 'expired', 60_000);
    await screenshot(page, 'pay-result-expired');
    await expectAccessible(page);
    expect((await fetchPaymentState(paymentId)).status).toBe('EXPIRED');
    await page.context().close();
  }, 120_000);
});
