// The operator's queues in a real browser: an operator signs in, finds a payment parked because
// the ledger refused its posting, retries the posting once the ledger is back — it leaves the queue
// and is COMPLETED, posted once — then re-checks two unconfirmed payments in bulk, watching the
// progress and each row's outcome. Screenshots at desktop and 360 px; axe on each view.
import { prisma } from '@voltpay/prisma';
import { paymentWorkflowId, recheckUpdate, retryPostingUpdate } from '@voltpay/workflows/payment';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { approveHeldOrder, booksOf, confirmedPayment, refuseInserts, unconfirmedPayment } from './support/fulfilment';
import { connectPaymentClient, waitForStatus } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';
import { createStaffUser, deleteStaffUsers, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const NAVIGATION = { timeout: 120_000 } as const;
const SEE = { timeout: 45_000 } as const;
const PAGE_SIZE = 20; // the page's (admin/src/app/(console)/queues/page.tsx)

/** The queue page that lists `paymentId` (oldest first: the shared database holds other rows too). */
const queueUrl = async (paymentId: string, queue: 'UNCONFIRMED' | 'NEEDS_ATTENTION') => {
  const mine = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const before = await prisma.payment.count({
    where: { status: queue, OR: [{ createdAt: { lt: mine.createdAt } }, { createdAt: mine.createdAt, id: { lt: mine.id } }] },
  });
  return `${stackEnv.adminUrl}/queues?queue=${queue}&page=${Math.floor(before / PAGE_SIZE) + 1}`;
};

const waitForQueueRow = async (paymentId: string) => {
  const until = Date.now() + SEE.timeout;
  while (Date.now() < until) {
    const row = await prisma.payment.findUnique({ where: { id: paymentId } });
    if (row?.status === 'UNCONFIRMED' || row?.status === 'NEEDS_ATTENTION') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`payment ${paymentId} never reached the queue's read model`);
};

describe('operator queues in the browser', () => {
  let browser: Browser;
  let page: Page;
  let operator: StaffIdentity;
  let temporal: Awaited<ReturnType<typeof connectPaymentClient>>;
  let parked: Awaited<ReturnType<typeof confirmedPayment>>;
  let held: Awaited<ReturnType<typeof unconfirmedPayment>>[];
  let allowPosting: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    temporal = await connectPaymentClient();
    operator = await createStaffUser({ prisma, roles: ['operator'] });
    parked = await confirmedPayment(temporal.client, { email: `queue-${Date.now()}@example.ru` });
    allowPosting = await refuseInserts('ledger_postings', `NEW.payment_id = '${parked.paymentId}'`, 'ledger is closed for maintenance');
    await submitCard(parked.paymentUrl, SANDBOX_CARDS.frictionless);
    await waitForStatus(parked.handle, 'NEEDS_ATTENTION');
    held = [await unconfirmedPayment(temporal.client), await unconfirmedPayment(temporal.client)];
    for (const payment of held) await waitForStatus(payment.handle, 'UNCONFIRMED', 30_000);
    // The read model (what the queue lists) catches up a moment after the workflow.
    for (const id of [parked.paymentId, ...held.map((h) => h.paymentId)]) await waitForQueueRow(id);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAsStaff(page, operator.email);
  }, 240_000);

  afterAll(async () => {
    await allowPosting?.();
    if (parked) await parked.handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'cleanup@test' }] }).catch(() => undefined);
    // Leave nothing waiting in the shared queue: the bank "decides" the one still held.
    for (const payment of held ?? []) {
      await approveHeldOrder(payment.orderId).catch(() => undefined);
      await temporal?.client.workflow
        .getHandle(paymentWorkflowId(payment.paymentId))
        .executeUpdate(recheckUpdate, { args: [{ actor: 'cleanup@test' }] })
        .catch(() => undefined);
    }
    await browser?.close();
    await temporal?.connection.close();
    if (operator) await deleteStaffUsers({ prisma, users: [operator] });
  });

  it('a payment parked at posting: retry posting once the ledger is back; it leaves the queue, COMPLETED and posted once', async () => {
    await page.goto(await queueUrl(parked.paymentId, 'NEEDS_ATTENTION'), NAVIGATION);
    await page.getByRole('heading', { name: 'Очереди оператора' }).waitFor(SEE);
    const row = page.locator(`tr[data-payment-id="${parked.paymentId}"]`);
    await row.waitFor(SEE);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('квитанция или проводка в учёте');
    expect(text).toContain('maintenance');
    // What it means and what to do, in words; the database's own line stays behind "Подробности".
    expect(text).toContain('Учётная система (база данных) не приняла запись.');
    expect(text).toContain('нажмите «Повторить проведение»');
    expect(await row.getByText(/ledger is closed for maintenance/).isVisible()).toBe(false);
    expect(text).toMatch(/проведение: 1 × до 2/);
    await expect.poll(() => row.getByRole('button', { name: 'Отправить квитанцию снова' }).count()).toBe(0); // only the step that failed
    await screenshot(page, 'console-queues-needs-attention');
    await expectAccessible(page);

    await allowPosting!();
    allowPosting = undefined;
    await row.getByRole('button', { name: 'Повторить проведение' }).click();
    // The outcome is said in the row, then the queue refreshes without it.
    await page.getByRole('status').filter({ hasText: 'зачислен' }).first().waitFor(SEE);
    await screenshot(page, 'console-queues-after-retry');
    await row.waitFor({ state: 'detached', ...SEE });
    await waitForStatus(parked.handle, 'COMPLETED');
    const books = await booksOf(parked.paymentId);
    expect(books.kinds).toEqual(['PAYMENT']);
    expect(books.payment?.status).toBe('COMPLETED');
    const audit = await prisma.auditLog.findMany({ where: { targetId: parked.paymentId, action: 'payment.retryPosting' } });
    expect(audit.map((a) => [a.actorId, (a.after as { status: string }).status])).toEqual([[operator.email, 'COMPLETED']]);
  });

  it('bulk re-check of the selected unconfirmed payments shows N of M and each outcome', async () => {
    // The bank has decided one of them; the other is still being authorised.
    await approveHeldOrder(held[0]!.orderId);
    await page.goto(await queueUrl(held[0]!.paymentId, 'UNCONFIRMED'), NAVIGATION);
    const rows = held.map((h) => page.locator(`tr[data-payment-id="${h.paymentId}"]`));
    await rows[0]!.waitFor(SEE);
    if ((await rows[1]!.count()) === 0) throw new Error('both held payments should be on one page (they were created one after the other)');
    for (const row of rows) await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Перепроверить выбранные (2)' }).click();
    await page.getByText('Перепроверено 2 из 2').waitFor(SEE);
    const results = page.getByRole('list', { name: 'Результаты перепроверки' });
    const approved = results.locator(`li[data-payment-id="${held[0]!.paymentId}"]`);
    const still = results.locator(`li[data-payment-id="${held[1]!.paymentId}"]`);
    expect(await approved.textContent()).toMatch(/зачислен/);
    expect(await still.textContent()).toMatch(/не подтверждён банком/);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'console-queues-bulk-recheck');
    await expectAccessible(page);
    await rows[0]!.waitFor({ state: 'detached', ...SEE }); // completed: out of the queue
    expect(await rows[1]!.count()).toBe(1);
    expect((await booksOf(held[0]!.paymentId)).kinds).toEqual(['PAYMENT']);
    expect((await booksOf(held[1]!.paymentId)).kinds).toEqual([]);
  });

  it('reads on a 360 px phone', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 360, height: 780 }, storageState: await page.context().storageState() })).newPage();
    await phone.goto(await queueUrl(held[1]!.paymentId, 'UNCONFIRMED'), NAVIGATION);
    await phone.locator(`tr[data-payment-id="${held[1]!.paymentId}"]`).waitFor(SEE);
    await screenshot(phone, 'console-queues-phone');
    await expectAccessible(phone);
    await phone.context().close();
  });
});
