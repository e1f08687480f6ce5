// A clerk resolves a "money not received" claim in a real browser: the resident's receipt checks
// out, but the payment is stuck in NEEDS_ATTENTION because the ledger refused its posting (a real
// database trigger). The clerk, who is also an operator, retries the posting once the ledger is
// back, resolves the claim as posted, prints the resolution — and the resident's account has the
// money, in the ledger and on the residents' "My payments".
import { randomInt, randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { confirmedPayment, refuseInserts } from './support/fulfilment';
import { waitForEmailLink } from './support/outbox';
import { connectPaymentClient, waitForStatus } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';
import { createStaffUser, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

// The first visit to a page compiles it under `next dev`: generous, never asserted.
const NAVIGATION = { timeout: 120_000 } as const;
const SEE = { timeout: 45_000 } as const;

const adminUrl = (path: string) => new URL(path, stackEnv.adminUrl).toString();

/** Reloads until `locator` shows: the payment moves on in the worker, not in this page. */
const reloadUntilVisible = async (page: Page, testId: string, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await page.getByTestId(testId).isVisible()) return;
    if (Date.now() > until) throw new Error(`${testId} did not appear on ${page.url()} within ${timeoutMs} ms`);
    await page.waitForTimeout(1_000);
    await page.reload(NAVIGATION);
  }
};

describe('console: a money-not-received claim', () => {
  let browser: Browser;
  let temporal: Awaited<ReturnType<typeof connectPaymentClient>>;
  let clerk: StaffIdentity;

  beforeAll(async () => {
    browser = await launchBrowser();
    temporal = await connectPaymentClient();
    clerk = await createStaffUser({ prisma, roles: ['sales', 'operator'], name: 'Ирина Соколова' });
  });
  afterAll(async () => {
    await browser?.close();
    await temporal?.connection.close();
  });

  it('a clerk resolves a money-not-received claim from a receipt whose payment is stuck in NEEDS_ATTENTION by retrying the posting, and the resident’s account shows the payment', async () => {
    // ── The resident paid; the ledger refused the posting, so the payment is parked with a receipt.
    const residentEmail = `resident-${randomUUID().slice(0, 8)}@example.ru`;
    const { account, paymentId, handle, quote, paymentUrl } = await confirmedPayment(temporal.client, { email: residentEmail });
    const allowPosting = await refuseInserts('ledger_postings', `NEW.payment_id = '${paymentId}'`, 'ledger is closed for maintenance');
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      const parked = await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect(parked.attention?.stage).toBe('POSTING');
      // Issued before posting: the resident holds proof of a payment the books do not have yet.
      expect(parked.receipt).not.toBeNull();
      await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: paymentId } }))?.status, { timeout: 30_000 }).toBe('NEEDS_ATTENTION');
      const receipt = await prisma.receipt.findUniqueOrThrow({ where: { paymentId } });

      // ── The clerk signs in and checks the receipt the resident brought.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(SEE.timeout);
      page.setDefaultNavigationTimeout(NAVIGATION.timeout);
      await signInAsStaff(page, clerk.email, { prisma });
      await page.goto(adminUrl('/payments'), NAVIGATION);
      await page.getByRole('heading', { level: 1, name: 'Квитанции и оплаты' }).waitFor(SEE);
      await screenshot(page, 'console-claim-payments');
      await expectAccessible(page);

      const check = page.getByRole('form', { name: 'Проверка квитанции' });
      await check.getByLabel('Номер квитанции').fill(receipt.number);
      await check.getByLabel('Код проверки').fill(receipt.verificationCode);
      await check.getByRole('button', { name: 'Проверить' }).click();
      await page.waitForURL(/\/receipts\/check\?/, NAVIGATION);
      const verdict = page.getByTestId('receipt-verdict');
      await verdict.waitFor(SEE);
      expect(await verdict.getAttribute('data-outcome')).toBe('GENUINE');
      expect(await verdict.textContent()).toContain('Квитанция подлинная');
      expect(await verdict.textContent()).toContain('требует вмешательства');
      await screenshot(page, 'console-claim-receipt-genuine');
      await expectAccessible(page);

      // ── The claim, opened from the check: the receipt's number and code travel with it.
      await page.getByRole('link', { name: 'Открыть претензию по этой квитанции' }).click();
      await page.waitForURL(/\/claims\/new\?/, NAVIGATION);
      await page.getByLabel('ФИО заявителя').fill('Петрова Анна Ивановна');
      await page.getByLabel('Как связаться (телефон или почта)').fill(residentEmail);
      await page.getByLabel('Что случилось').fill('Оплатила картой, деньги списаны, на лицевой счёт не поступили.');
      expect(await page.getByLabel('Номер квитанции').inputValue()).toBe(receipt.number);
      await screenshot(page, 'console-claim-new');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Открыть претензию' }).click();
      await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/, NAVIGATION);
      const claimUrl = page.url();
      const claimId = claimUrl.split('/').at(-1)!;
      expect(await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
        paymentId,
        receiptNumber: receipt.number,
        receiptGenuine: true,
        status: 'OPEN',
      });
      await page.getByTestId('claim-status').waitFor(SEE);
      // Not posted yet: "posted" cannot be chosen.
      expect(await page.getByLabel('платёж зачислен на лицевой счёт').isDisabled()).toBe(true);
      await screenshot(page, 'console-claim-open');
      await expectAccessible(page);

      // ── The payment page: no posting, the failed activity in the timeline; the operator retries.
      await page.getByRole('link', { name: new RegExp(`л/с ${account.number}`) }).click();
      await page.waitForURL(new RegExp(`/payments/${paymentId}$`), NAVIGATION);
      await page.getByTestId('ledger-empty').waitFor(SEE);
      // The story in the clerk's words first: paid by card, receipt issued, operator needed — no codes.
      const story = page.getByTestId('payment-story');
      await story.getByText(/^Нужна помощь оператора: /).waitFor(SEE);
      const storyText = (await story.textContent()) ?? '';
      expect(storyText).toContain('Условия оферты приняты');
      expect(storyText).toMatch(/Оплачено картой •••• \d{4}/);
      expect(storyText).toContain(`Выдана квитанция № ${receipt.number}`);
      expect(storyText).not.toMatch(/[A-Z_]{6,}|kopecks|postToLedger/);
      // The engineering log is one click away (this clerk is also an operator).
      expect(await page.getByTestId('payment-timeline').isVisible()).toBe(false);
      await page.getByTestId('payment-engineering-log').locator('summary').click();
      await page.getByTestId('payment-timeline').waitFor(SEE);
      expect(await page.locator('[data-testid="payment-timeline"] tr[data-name="postToLedger"][data-outcome="FAILED"]').count()).toBeGreaterThan(0);
      await screenshot(page, 'console-claim-payment-stuck');
      await expectAccessible(page);

      await allowPosting();
      await page.getByRole('button', { name: 'Повторить проведение' }).click();
      await reloadUntilVisible(page, 'posting-PAYMENT');
      await screenshot(page, 'console-claim-payment-posted');
      await expectAccessible(page);
      expect((await prisma.auditLog.findMany({ where: { targetId: paymentId, actorId: clerk.email } })).map((row) => row.action)).toContain(
        'payment.retryPosting',
      );

      // ── Back to the claim: take it, resolve it as posted.
      await page.goto(claimUrl, NAVIGATION);
      await page.getByRole('button', { name: 'Взять в работу' }).click();
      await expect.poll(async () => page.getByTestId('claim-status').textContent(), SEE).toBe('на проверке');
      await page.getByLabel('платёж зачислен на лицевой счёт').check();
      await page.getByLabel('Пояснение к решению').fill('Оператор повторил проведение: платёж зачислен на лицевой счёт.');
      await page.getByRole('button', { name: 'Решить претензию' }).click();
      // Resolving cannot be undone: the console asks once more, naming the decision.
      const confirm = page.getByRole('dialog', { name: 'Решить претензию?' });
      await confirm.waitFor(SEE);
      expect(await confirm.textContent()).toContain('платёж зачислен на лицевой счёт');
      await confirm.getByRole('button', { name: 'Да, решить претензию' }).click();
      await expect.poll(async () => page.getByTestId('claim-status').textContent(), SEE).toBe('решена');
      await page.getByTestId('claim-resolution').waitFor(SEE);
      await screenshot(page, 'console-claim-resolved');
      await expectAccessible(page);

      // ── The printable resolution.
      await page.getByRole('link', { name: 'Печатная форма решения' }).click();
      await page.waitForURL(/\/claims\/[0-9a-f-]{36}\/print$/, NAVIGATION);
      const documentText = (await page.getByTestId('resolution-document').textContent()) ?? '';
      const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
      expect(documentText).toContain(`Решение по претензии № ${claim.number}`);
      expect(documentText).toContain('Петрова Анна Ивановна');
      expect(documentText).toContain(receipt.number);
      expect(documentText).toContain('платёж зачислен на лицевой счёт');
      expect(documentText).toContain(`Ирина Соколова (${clerk.email})`);
      // A letter a resident may be handed: the payment's story in words, no status codes or step counts.
      expect(documentText).toMatch(/Как шёл платёж \(время омское\): .*оплачено картой •••• \d{4}.*зачислено на лицевой счёт/);
      expect(documentText).not.toMatch(/\b(TERMS_ACCEPTED|AWAITING_CARD|POSTING|POSTED|NEEDS_ATTENTION|COMPLETED)\b|шагов|\d{4}-\d{2}\b/);
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'console-claim-print');
      await page.emulateMedia({ media: 'screen' });
      await expectAccessible(page);
      await context.close();

      // ── The resident's account has the money: the ledger credits the account with the total...
      await waitForStatus(handle, 'COMPLETED');
      const credits = await prisma.ledgerEntry.findMany({ where: { accountId: account.id, direction: 'CREDIT', posting: { paymentId, kind: 'PAYMENT' } } });
      expect(credits.reduce((sum, entry) => sum + entry.amountKopecks, 0)).toBe(quote.totalKopecks);

      // ── ...and the resident's "My payments" shows it as paid, with its receipt.
      const residentContext = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` } });
      const resident = await residentContext.newPage();
      await resident.goto(new URL('/my-payments', stackEnv.webUrl).toString(), NAVIGATION);
      const since = new Date(Date.now() - 1_000);
      await resident.getByLabel('Адрес электронной почты').fill(residentEmail);
      await resident.getByRole('button', { name: 'Получить ссылку для входа' }).click();
      await resident.waitForURL(/\/my-payments\/check-email/, NAVIGATION);
      const { url: link } = await waitForEmailLink({
        prisma,
        to: residentEmail,
        since,
        subject: /Мои оплаты/,
        link: /\/api\/auth\/callback\/resident-email\?/,
      });
      await resident.goto(link.toString(), NAVIGATION);
      await resident.waitForURL((current) => current.pathname === '/my-payments', NAVIGATION);
      const card = resident.locator('.account-payments > li', { hasText: `№ ${receipt.number}` });
      await card.waitFor(SEE);
      expect(await card.textContent()).toContain('Оплачен');
      await screenshot(resident, 'console-claim-resident-my-payments');
      await residentContext.close();
    } finally {
      await allowPosting();
    }
  }, 600_000);
});
