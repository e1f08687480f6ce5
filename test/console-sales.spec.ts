// The sales desk and the operator on a COMPLETED payment, in a real browser, as the issue "As
// residents and clerks see it" found them: a clerk holding all three roles finds the payment by its
// card's last 4 digits and its amount typed as the placeholder shows it (`1 199,38`), refunds it
// from its page (reason, a dialog naming the amount, the audit row), resolves the claim as
// refunded after confirming; and a payment that does not exist is the console's own Russian 404.
import { randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import { paymentWorkflowId } from '@voltpay/workflows/payment';
import { formatRoubles } from '@voltpay/domain/money';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectBrowserErrors, launchBrowser, screenshot } from './support/browser';
import { booksOf } from './support/fulfilment';
import { connectPaymentClient } from './support/payments';
import { payWithReceipt, type ReceiptedPayment } from './support/receipted-payment';
import { createStaffUser, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const NAVIGATION = { timeout: 120_000 } as const;
const SEE = { timeout: 45_000 } as const;

const adminUrl = (path: string) => new URL(path, stackEnv.adminUrl).toString();

/** Roubles as a clerk types them from a receipt: plain spaces between thousands, a decimal comma. */
const typedRoubles = (kopecks: number) => `${String(Math.floor(kopecks / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(kopecks % 100).padStart(2, '0')}`;

describe('console: a completed payment at the sales desk', () => {
  let browser: Browser;
  let page: Page;
  let clerk: StaffIdentity;
  let paid: ReceiptedPayment;
  let cardLast4: string;

  beforeAll(async () => {
    // 400 kWh: a total over 1 000 ₽, so the typed amount has a thousands space.
    paid = await payWithReceipt({ email: `sales-${randomUUID().slice(0, 8)}@example.ru`, kwh: 400 });
    cardLast4 = (await prisma.payment.findUniqueOrThrow({ where: { id: paid.paymentId } })).cardLast4!;
    clerk = await createStaffUser({ prisma, roles: ['sales', 'operator', 'admin'], name: 'Ольга Кузнецова' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(SEE.timeout);
    page.setDefaultNavigationTimeout(NAVIGATION.timeout);
    await signInAsStaff(page, clerk.email, { prisma });
  }, 240_000);

  // The clerk stays: the claim they opened and resolved, and the audit rows, are the record.
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the payment by card last 4 + amount typed as the placeholder shows it, and by the amount alone', async () => {
    const amount = typedRoubles(paid.receipt.totalKopecks);
    expect(amount).toMatch(/^\d{1,3}( \d{3})+,\d{2}$/);
    await page.goto(adminUrl('/payments'), NAVIGATION);
    const form = page.getByRole('form', { name: 'Поиск платежей' });
    await form.getByLabel('Последние 4 цифры карты').fill(cardLast4);
    await form.getByLabel('Сумма, ₽').fill(amount);
    await form.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/\/payments\?.*amount=/, NAVIGATION);
    const found = page.locator(`a[href="/payments/${paid.paymentId}"]`);
    await found.waitFor(SEE);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Квитанции и оплаты');
    await screenshot(page, 'console-sales-search-card-amount');
    await expectAccessible(page);

    // The amount alone, as a link a clerk can keep: the same payment among the results.
    await page.goto(adminUrl(`/payments?${new URLSearchParams({ amount })}`), NAVIGATION);
    await found.waitFor(SEE);

    // A sum that is not one is the form's own message, not an error page.
    await page.goto(adminUrl(`/payments?${new URLSearchParams({ amount: '1,234' })}`), NAVIGATION);
    await page.getByText('Сумма в рублях, например 1 234,56.').waitFor(SEE);
  });

  it('an operator refunds the completed payment from its page, and the clerk resolves the claim as refunded', async () => {
    // The refund workflow refuses while the payment's own workflow is still open.
    const temporal = await connectPaymentClient();
    try {
      await temporal.client.workflow.getHandle(paymentWorkflowId(paid.paymentId)).result();
    } finally {
      await temporal.connection.close();
    }

    // ── The claim, opened from the payment's receipt: "refunded" cannot be chosen before the refund.
    await page.goto(adminUrl(`/claims/new?paymentId=${paid.paymentId}&receiptNumber=${paid.receipt.number}`), NAVIGATION);
    await page.getByLabel('ФИО заявителя').fill('Сидоров Павел Андреевич');
    await page.getByLabel('Что случилось').fill('Оплатил дважды по ошибке, просит вернуть деньги за этот платёж.');
    await page.getByRole('button', { name: 'Открыть претензию' }).click();
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/, NAVIGATION);
    const claimUrl = page.url();
    expect(await page.getByLabel('деньги возвращены на карту').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await expect.poll(async () => page.getByTestId('claim-status').textContent(), SEE).toBe('на проверке');

    // ── The payment's page offers the refund; the dialog names the amount and the card.
    await page.goto(adminUrl(`/payments/${paid.paymentId}`), NAVIGATION);
    const operator = page.getByTestId('operator-actions');
    await operator.getByRole('button', { name: 'Вернуть деньги' }).click();
    const dialog = page.getByRole('dialog', { name: 'Вернуть деньги за зачисленный платёж' });
    await dialog.waitFor(SEE);
    const dialogText = (await dialog.textContent()) ?? '';
    expect(dialogText).toContain(formatRoubles(paid.receipt.totalKopecks, 'ru'));
    expect(dialogText).toContain(`•••• ${cardLast4}`);
    expect(dialogText).toContain('Отменить возврат нельзя');
    const submit = dialog.getByRole('button', { name: 'Вернуть деньги' });
    await dialog.getByLabel('Причина возврата').fill('Претензия: двойная оплата, деньги возвращаем.');
    // Nothing goes until the operator confirms.
    expect(await submit.isDisabled()).toBe(true);
    await screenshot(page, 'console-sales-refund-dialog');
    await expectAccessible(page);
    await dialog.getByLabel('Я проверил(а): деньги нужно вернуть резиденту').check();
    await submit.click();
    await dialog.waitFor({ state: 'detached', ...SEE });
    await operator.getByRole('status').filter({ hasText: 'Деньги возвращены на карту' }).waitFor(SEE);

    // The page, reloaded, tells the payment's new state and the refund's.
    await page.reload(NAVIGATION);
    await page.getByTestId('refund-state').and(page.locator('[data-kind="DONE"]')).waitFor(SEE);
    expect(await page.getByTestId('operator-actions').count()).toBe(0);
    await screenshot(page, 'console-sales-payment-refunded');
    await expectAccessible(page);

    // The books and the audit: one reversal, the payment REFUNDED, the operator's request recorded.
    const books = await booksOf(paid.paymentId);
    expect(books.kinds).toEqual(['PAYMENT', 'REFUND']);
    expect(books.payment?.status).toBe('REFUNDED');
    const audit = await prisma.auditLog.findMany({ where: { targetId: paid.paymentId, action: 'payment.refundCompleted' } });
    expect(audit.map((row) => [row.actorId, (row.after as { status?: string } | null)?.status, (row.details as { reason?: string }).reason])).toEqual([
      [clerk.email, 'REFUNDED', 'Претензия: двойная оплата, деньги возвращаем.'],
    ]);

    // ── The claim can now be resolved as refunded, after one more confirmation.
    await page.goto(claimUrl, NAVIGATION);
    const refunded = page.getByLabel('деньги возвращены на карту');
    expect(await refunded.isDisabled()).toBe(false);
    await refunded.check();
    await page.getByLabel('Пояснение к решению').fill('Оператор вернул деньги на карту резидента.');
    await page.getByRole('button', { name: 'Решить претензию' }).click();
    const confirm = page.getByRole('dialog', { name: 'Решить претензию?' });
    await confirm.waitFor(SEE);
    expect(await confirm.textContent()).toContain('деньги возвращены на карту');
    await screenshot(page, 'console-sales-claim-confirm');
    await expectAccessible(page);
    // Nothing was resolved before the confirmation.
    const claimId = claimUrl.split('/').at(-1)!;
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('INVESTIGATING');
    await confirm.getByRole('button', { name: 'Да, решить претензию' }).click();
    await expect.poll(async () => page.getByTestId('claim-status').textContent(), SEE).toBe('решена');
    expect(await page.getByTestId('claim-resolution').textContent()).toBe('деньги возвращены на карту');
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({ status: 'RESOLVED', resolution: 'REFUNDED' });
    await screenshot(page, 'console-sales-claim-refunded');
  }, 240_000);

  it('a payment or a page that does not exist is the console’s own 404, in Russian, with the way back', async () => {
    expectBrowserErrors(/status of 404/, 'Chromium logs the 404 of the pages this test opens on purpose');
    for (const path of [`/payments/${randomUUID()}`, '/no-such-page']) {
      const response = await page.goto(adminUrl(path), NAVIGATION);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Страница не найдена');
      expect(await page.getByRole('link', { name: 'На главную консоли' }).getAttribute('href')).toBe('/');
    }
    await screenshot(page, 'console-not-found');
    await expectAccessible(page);
  });
});
