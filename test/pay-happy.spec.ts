// The residents' payment pages end to end in Chromium, the way the utility's guide walks them:
// terms, account, address check, meter readings with lines left out and the debt added, receipt by
// email, review, the acquirer's card and 3-D Secure pages, the success page and the receipt PDF.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import { parseRoublesToKopecks } from '@voltpay/domain/money';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { createTestAccount, testPeriod } from './support/payments';
import {
  agreeToTerms,
  choosePeriod,
  confirmOnReview,
  enterReading,
  fetchPaymentState,
  goToReview,
  openResidentPage,
  openTerms,
  passOtpOnAcquirerPage,
  STEP_TIMEOUT_MS,
  submitCardOnAcquirerPage,
  totalText,
  waitBackOnSite,
  waitForDetails,
  waitForScreen,
  eventually,
} from './support/resident';
import { SANDBOX_CARDS } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

const kopecksOf = (text: string | null) => {
  const value = parseRoublesToKopecks((text ?? '').trim());
  if (value === null) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  return value;
};

describe('paying by meter readings, in Russian, with the one-time password and an emailed receipt', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('terms → account → readings (penalty left out, debt added) → review → card + OTP → success, receipt emailed and downloadable', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, {
      lastReadings: { SINGLE: 12_390 },
      commonAreaKopecks: 8_540,
      penaltyKopecks: 1_230,
      debtKopecks: 50_000,
      period,
    });
    const email = `resident-${randomUUID().slice(0, 8)}@example.ru`;
    const page: Page = await openResidentPage(browser);

    // Home: the start button leads to the terms.
    await page.goto(stackEnv.webUrl);
    await page.getByRole('link', { name: 'Оплатить', exact: true }).first().click();
    await page.waitForURL(/\/pay$/);
    await openTerms(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Условия предоставления услуги');
    await screenshot(page, 'pay-1-terms');
    await expectAccessible(page);
    const paymentId = await agreeToTerms(page);
    expect((await fetchPaymentState(paymentId)).terms.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The terms page was replaced in history: "back" leads past it, "forward" to the same payment.
    await page.goBack();
    await page.waitForURL(`${stackEnv.webUrl}/`);
    await page.goForward();
    await page.waitForURL(`${stackEnv.webUrl}/pay/${paymentId}`);
    await page.getByRole('combobox', { name: 'Район' }).waitFor();

    // Account step, with the bill picture opened.
    await page.getByRole('button', { name: 'Как узнать номер лицевого счёта?' }).click();
    const bill = page.getByRole('img', { name: /Образец квитанции/ });
    await bill.waitFor();
    await eventually(() => bill.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(page, 'pay-2-account');
    await expectAccessible(page);
    await page.getByRole('combobox', { name: 'Район' }).selectOption({ label: 'Омск' });
    await page.getByLabel('Индекс ЖЭО и номер лицевого счёта').fill(account.number);
    // The instant hint splits what is typed into the office index and the account.
    expect(await page.locator('#accountNumber-live').textContent()).toContain(`ЖЭО ${account.number.slice(0, 4)}`);
    await page.getByRole('button', { name: 'Далее' }).click();
    await waitForDetails(page);
    expect(await page.getByTestId('masked-address').textContent()).toMatch(/ул\. Тестовая, д\. \d+/);
    expect(await page.getByTestId('masked-address').textContent()).not.toMatch(/кв\. \d/);

    // A reload (or a second tab) resumes the same payment at the same step.
    await page.reload();
    await waitForDetails(page);
    expect(page.url()).toBe(`${stackEnv.webUrl}/pay/${paymentId}`);
    const secondTab = await page.context().newPage();
    await secondTab.goto(`${stackEnv.webUrl}/pay/${paymentId}`);
    await waitForDetails(secondTab);
    await secondTab.close();

    // Period, then the end reading: consumption and amount are computed as it is typed.
    await choosePeriod(page, period);
    const single = page.getByRole('group', { name: 'Однотарифный счётчик' });
    expect(await single.getByLabel('Начальные показания').inputValue()).toBe('12390');
    await enterReading(page, { zone: /Однотарифный счётчик/, end: '12590' });
    await eventually(() => page.getByTestId('consumption-SINGLE').textContent()).toContain('200 кВт·ч');
    const electricity = kopecksOf(await page.getByTestId('line-ELECTRICITY').textContent());
    expect(electricity).toBeGreaterThan(0);
    expect(kopecksOf(await totalText(page))).toBe(electricity + 8_540 + 1_230);

    // Penalty left out, the debt added by clicking it.
    await page.getByRole('checkbox', { name: 'Пени' }).uncheck();
    await eventually(async () => kopecksOf(await totalText(page))).toBe(electricity + 8_540);
    await page.getByRole('button', { name: /Добавить долг 500,00/ }).click();
    await eventually(async () => kopecksOf(await totalText(page))).toBe(electricity + 8_540 + 50_000);
    expect(await page.getByRole('button', { name: /Долг 500,00.*добавлен/ }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('checkbox', { name: 'Получить квитанцию на электронную почту' }).check();
    await page.getByLabel('Адрес электронной почты').fill(email);
    await screenshot(page, 'pay-3-details');
    await expectAccessible(page);

    await goToReview(page);
    expect(kopecksOf(await page.getByTestId('review-total').textContent())).toBe(electricity + 8_540 + 50_000);
    expect(await page.getByRole('row', { name: /Пени/ }).textContent()).toContain('не оплачивается');
    expect(await page.locator('main').textContent()).toContain(email);
    expect(await page.locator('main').textContent()).toContain('12390 → 12590, 200 кВт·ч');
    await screenshot(page, 'pay-4-review');
    await expectAccessible(page);

    // Back and forward keep the same payment; nothing new is started.
    await page.goBack();
    await waitForDetails(page);
    expect(page.url()).toBe(`${stackEnv.webUrl}/pay/${paymentId}`);
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Проверьте данные' }).waitFor();

    // The workflow holds what the page showed.
    const draft = await fetchPaymentState(paymentId);
    expect(draft.options).toEqual({ commonArea: true, penalty: false, debt: true });
    expect(draft.quote?.totalKopecks).toBe(electricity + 8_540 + 50_000);
    expect(draft.receiptEmail).toBe(email);

    await confirmOnReview(page);
    await screenshot(page, 'pay-5-acquirer-card');
    await submitCardOnAcquirerPage(page, SANDBOX_CARDS.otp);
    await page.getByTestId('sandbox-otp').waitFor();
    await screenshot(page, 'pay-6-acquirer-otp');
    await passOtpOnAcquirerPage(page);
    await waitBackOnSite(page);

    await waitForScreen(page, 'success');
    await page.getByTestId('receipt-number').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByText(`Квитанция отправлена на ${email}.`).waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(new URL(page.url()).pathname).toBe(`/pay/${paymentId}`);
    expect(kopecksOf(await page.getByTestId('status-amount').textContent())).toBe(electricity + 8_540 + 50_000);
    await screenshot(page, 'pay-7-success');
    await expectAccessible(page);

    const state = await fetchPaymentState(paymentId);
    expect(state.status).toBe('COMPLETED');
    expect(await page.getByTestId('receipt-number').textContent()).toContain(state.receipt!.number);

    // The email went to the outbox with the PDF attached.
    const outbox = await prisma.emailOutbox.findMany({ where: { to: email } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.status).toBe('STORED');
    expect(Buffer.from(outbox[0]!.attachment!).subarray(0, 4).toString()).toBe('%PDF');

    // The download link gives the PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(download.suggestedFilename()).toBe(`receipt-${state.receipt!.number}.pdf`);

    // The ledger's read model has what was chosen: no penalty, the debt in.
    const lines = await prisma.paymentLine.findMany({ where: { paymentId } });
    expect(lines.map((l) => l.kind).sort()).toEqual(['COMMON_AREA', 'DEBT', 'ELECTRICITY']);
    await page.context().close();
  }, 180_000);
});
