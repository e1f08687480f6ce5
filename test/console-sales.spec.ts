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
const typedRoubles = (kopecks: number) =>
  `${String(Math.floor(kopecks / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(kopecks % 100).padStart(2, '0')}`;

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
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
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
    // The date as a Russian clerk writes it, whatever the browser's language (this one is English):
    // a native date input would want mm/dd/yyyy here and refuse 07.12.2026.
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Omsk' }).format(new Date()).split('-');
    await form.getByLabel('Создан с (омское время)').fill(`${d}.${m}.${y}`);
    await form.getByLabel('Создан с (омское время)').blur();
    await form.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/\/payments\?.*amount=/, NAVIGATION);
    expect(new URL(page.url()).searchParams.get('createdFrom')).toBe(`${y}-${m}-${d}`);
    expect(await page.getByRole('form', { name: 'Поиск платежей' }).getByLabel('Создан с (омское время)').inputValue()).toBe(`${d}.${m}.${y}`);
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
    // Completed and closed: the refund goes through refund-<id> (its own workflow no longer runs).
    const temporal = await connectPaymentClient();
    try {
      await temporal.client.workflow.getHandle(paymentWorkflowId(paid.paymentId)).result();
    } finally {
      await temporal.connection.close();
    }

    // ── The claim, opened from the payment's receipt: "refunded" cannot be chosen before the refund.
    // Opened from the payment's page: the receipt's number and its code come along (item 9).
    await page.goto(adminUrl(`/payments/${paid.paymentId}`), NAVIGATION);
    await page.getByRole('link', { name: 'Открыть претензию' }).click();
    await page.waitForURL(/\/claims\/new\?/, NAVIGATION);
    expect(await page.getByLabel('Номер квитанции').inputValue()).toBe(paid.receipt.number);
    expect(await page.getByLabel('Код проверки с квитанции').inputValue()).toBe(paid.receipt.verificationCode);
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
    const audit = await prisma.auditLog.findMany({ where: { targetId: paid.paymentId, action: 'payment.refund' } });
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

  it('downloads what a list shows as CSV, with its filters, and the download is in the audit log, which filters by date', async () => {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Omsk' }).format(new Date()).split('-');
    const download = async (link: string | RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), lines: Buffer.concat(chunks).toString('utf8').split('\r\n') };
    };

    // The search's own filters: only this receipt's payment, in the clerk's words, as Excel reads it.
    await page.goto(adminUrl(`/payments?receiptNumber=${paid.receipt.number}`), NAVIGATION);
    const payments = await download('Скачать CSV: 1 строка');
    expect(payments.name).toMatch(/^platezhi-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(payments.lines[0]).toBe('\uFEFFСоздан (Омск);Квитанция;Лицевой счёт;Период;Сумма, ₽;Сумма, коп.;Карта;Почта;Статус;Изменён (Омск);Платёж');
    expect(payments.lines.slice(1).filter(Boolean)).toHaveLength(1);
    expect(payments.lines[1]).toContain(`;${paid.receipt.number};`);
    expect(payments.lines[1]).toContain(`;${paid.receipt.totalKopecks};•• ${cardLast4};`);
    expect(payments.lines[1]).toContain(';возвращён;');

    // The claims list, filtered to resolved ones: the claim this clerk resolved is there.
    await page.goto(adminUrl('/claims?status=RESOLVED'), NAVIGATION);
    const claims = await download(/^Скачать CSV/);
    expect(claims.lines[0]?.startsWith('\uFEFFПретензия №;')).toBe(true);
    expect(claims.lines.some((line) => line.includes(';Сидоров Павел Андреевич;') && line.includes(';деньги возвращены на карту;'))).toBe(true);

    // The audit log, today only (typed as a clerk writes dates), shows the two downloads; its own CSV too.
    await page.goto(adminUrl('/audit'), NAVIGATION);
    await page.getByLabel('С (омское время)').fill(`${d}.${m}.${y}`);
    await page.getByLabel('По (включительно)').fill(`${d}.${m}.${y}`);
    await page.getByLabel('По (включительно)').blur();
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/\/audit\?.*from=/, NAVIGATION);
    expect(new URL(page.url()).searchParams.get('from')).toBe(`${y}-${m}-${d}`);
    // In words, each record by its name and linked; the codes and JSON only behind "Данные записи".
    const journal = page.getByRole('table');
    await journal.getByText('Возврат денег на карту').first().waitFor(SEE);
    await journal.getByText('Список платежей скачан (CSV)').first().waitFor(SEE);
    expect(
      await journal.getByRole('link', { name: `Платёж по квитанции № ${paid.receipt.number}, ${formatRoubles(paid.receipt.totalKopecks, 'ru')}` }).count(),
    ).toBeGreaterThan(0);
    expect(await journal.getByRole('link', { name: /^Претензия № \d+$/ }).count()).toBeGreaterThan(0);
    expect(await journal.getByText('payment.refund', { exact: true }).first().isVisible()).toBe(false);
    const audit = await download(/^Скачать CSV/);
    const exports = audit.lines.filter((line) => line.includes(`;${clerk.email};`) && /;(payments|claims)\.export;/.test(line));
    expect(exports.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'console-audit-by-date');
    await expectAccessible(page);

    // A day range with nothing in it finds nothing: the filter is the date, not decoration.
    await page.goto(adminUrl('/audit?from=2020-01-01&to=2020-01-02'), NAVIGATION);
    await page.getByText('Найдено записей: 0').waitFor(SEE);
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
