// "Мои оплаты / My payments" in a real browser: sign-in by the emailed link (read from the
// email_outbox), exactly the payments of that address, the receipt PDF, sign-out; and the guest
// look-up by receipt number + account number + amount paid, with one neutral answer and a rate limit.
import { randomInt, randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';
import { waitForEmailLink } from './support/outbox';
import { payWithReceipt, type ReceiptedPayment } from './support/receipted-payment';
import { stackEnv } from './support/stack-env';

const url = (path: string) => new URL(path, stackEnv.webUrl).toString();
// The first visit to a page compiles it under `next dev`: generous.
const NAVIGATION = { timeout: 120_000 } as const;
const SEE = { timeout: 30_000 } as const;

describe('My payments', () => {
  let browser: Browser;
  const email = `resident-${randomUUID().slice(0, 8)}@example.ru`;
  let mine: ReceiptedPayment[] = [];
  let someoneElses: ReceiptedPayment;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Two payments with the receipt to `email`, one to another address: the list must tell them apart.
    mine = [await payWithReceipt({ email, kwh: 100 }), await payWithReceipt({ email, kwh: 150 })];
    someoneElses = await payWithReceipt({ email: `other-${randomUUID().slice(0, 8)}@example.ru`, kwh: 120 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await prisma.$disconnect();
  });

  /** A context of its own per test (no shared cookies), from a client address of its own (rate limits count per address). */
  const openPage = async (options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      ...options,
      extraHTTPHeaders: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` },
    });
    return { context, page: await context.newPage() };
  };

  it('signs in by the emailed link, lists exactly that address’s payments, downloads a receipt, signs out', async () => {
    const { context, page } = await openPage();
    await page.goto(url('/my-payments'), NAVIGATION);
    await page.getByRole('heading', { level: 1, name: 'Мои оплаты' }).waitFor(SEE);
    await screenshot(page, 'my-payments-sign-in');
    await expectAccessible(page);

    // Nothing typed: the error is tied to the field, which takes focus.
    const field = page.getByLabel('Адрес электронной почты');
    await page.getByRole('button', { name: 'Получить ссылку для входа' }).click();
    await page.getByText('Введите адрес электронной почты.').waitFor(SEE);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('sign-in-email-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-in-email');
    await field.fill('not-an-address');
    await page.getByRole('button', { name: 'Получить ссылку для входа' }).click();
    await page.getByText('Проверьте адрес электронной почты: например, ivanov@mail.ru.').waitFor(SEE);
    await screenshot(page, 'my-payments-sign-in-error');
    await expectAccessible(page);

    // The address as a person might type it: capitals, spaces around.
    const since = new Date(Date.now() - 1000);
    await field.fill(`  ${email.toUpperCase()} `);
    await page.getByRole('button', { name: 'Получить ссылку для входа' }).click();
    await page.waitForURL(/\/my-payments\/check-email/, NAVIGATION);
    await page.getByRole('heading', { level: 1, name: 'Проверьте почту' }).waitFor(SEE);
    await screenshot(page, 'my-payments-check-email');
    await expectAccessible(page);

    const { email: sent, url: link } = await waitForEmailLink({
      prisma,
      to: email,
      since,
      subject: /Мои оплаты/,
      link: /\/api\/auth\/callback\/resident-email\?/,
    });
    expect(sent.subject).toBe('Вход в «Мои оплаты»');
    expect(sent.status).toBe('STORED');
    expect(link.origin).toBe(new URL(stackEnv.webUrl).origin);
    // The link's token is kept only as a hash, in the residents' realm (staff tokens are apart).
    const stored = await prisma.authVerificationToken.findMany({ where: { identifier: email } });
    expect(stored.map((row) => row.realm)).toEqual(['RESIDENT']);
    expect(stored[0]!.token).not.toBe(link.searchParams.get('token'));

    await page.goto(link.toString(), NAVIGATION);
    await page.waitForURL((current) => current.pathname === '/my-payments', NAVIGATION);
    await page.getByText(`Вы вошли как ${email}.`).waitFor(SEE);
    // Used up: the token is gone.
    expect(await prisma.authVerificationToken.count({ where: { identifier: email } })).toBe(0);

    // The session is ours alone: voltpay-resident.* cookies, never next-auth's default names.
    const cookies = await context.cookies(stackEnv.webUrl);
    const session = cookies.find((c) => c.name === 'voltpay-resident.session-token');
    expect(session?.httpOnly).toBe(true);
    expect(cookies.filter((c) => c.name.includes('authjs') || c.name.includes('next-auth'))).toEqual([]);

    // Exactly this address's payments, newest first, with their receipts.
    expect(await page.getByTestId('payments-summary').textContent()).toBe('2 платежа, квитанции которых отправлены на этот адрес.');
    const cards = page.locator('.account-payments > li');
    expect(await cards.count()).toBe(2);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const payment of mine) {
      expect(text).toContain(`№ ${payment.receipt.number}`);
      // The account is masked: its last digits only.
      expect(text).toContain(payment.account.number.slice(-4));
      expect(text).not.toContain(payment.account.number);
    }
    expect(text).not.toContain(someoneElses.receipt.number);
    const newest = mine[1]!;
    const first = cards.first();
    expect(await first.textContent()).toContain(`№ ${newest.receipt.number}`);
    expect(await first.textContent()).toContain('Оплачен');
    const amount = (newest.receipt.totalKopecks / 100).toFixed(2).replace('.', ',');
    expect((await first.textContent())?.replace(/[\u202F\u00A0 ]/g, '')).toContain(`${amount}₽`);
    await screenshot(page, 'my-payments-list');
    await expectAccessible(page);

    // The receipt's PDF, through the link on the page.
    const download = first.getByRole('link', { name: new RegExp(`Скачать квитанцию № ${newest.receipt.number}`) });
    const href = await download.getAttribute('href');
    expect(href).toContain(`/api/v1/receipts/${newest.receipt.number}.pdf?code=`);
    const pdf = await context.request.get(url(href!));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The link works once: opened again (another browser), it signs nobody in.
    const again = await openPage();
    await again.page.goto(link.toString(), NAVIGATION);
    await again.page.getByText('Ссылка для входа устарела или уже использована. Запросите новую.').waitFor(SEE);
    expect((await again.context.cookies(stackEnv.webUrl)).some((c) => c.name === 'voltpay-resident.session-token')).toBe(false);
    await again.context.close();

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('button', { name: 'Получить ссылку для входа' }).waitFor(SEE);
    expect((await context.cookies(stackEnv.webUrl)).some((c) => c.name === 'voltpay-resident.session-token')).toBe(false);
    await context.close();
  }, 240_000);

  it('finds a receipt by its number, account and amount; a wrong triple gets one answer whichever part was wrong; guessing is limited', async () => {
    const { context, page } = await openPage();
    const target = mine[0]!;
    await page.goto(url('/my-payments/find'), NAVIGATION);
    await page.getByRole('heading', { level: 1, name: 'Найти квитанцию' }).waitFor(SEE);
    await expectAccessible(page);

    const number = page.getByLabel('Номер квитанции');
    const account = page.getByLabel('Номер лицевого счёта');
    const amount = page.getByLabel('Сумма платежа');
    /** As the receipt prints it: roubles, a comma, kopecks. */
    const roubles = (kopecks: number) => `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
    const submit = page.getByRole('button', { name: 'Найти квитанцию' });

    // Shape errors are tied to their fields; the first one takes focus.
    await number.fill('123');
    await submit.click();
    await page.getByText('Номер квитанции — 14 цифр, например 20261126-000042.').waitFor(SEE);
    expect(await page.getByText('Введите номер лицевого счёта.').count()).toBe(1);
    expect(await page.getByText('Введите сумму платежа.').count()).toBe(1);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await account.getAttribute('aria-describedby')).toContain('find-account-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-number');
    await screenshot(page, 'my-payments-find-errors');
    await expectAccessible(page);

    // The right triple, typed with spaces.
    await number.fill(target.receipt.number);
    await account.fill(`${target.account.number.slice(0, 4)} ${target.account.number.slice(4)}`);
    await amount.fill(`${roubles(target.receipt.totalKopecks)} ₽`);
    await submit.click();
    await page.getByRole('heading', { name: 'Квитанция найдена' }).waitFor(SEE);
    const found = page.locator('.account-card--result');
    expect(await found.textContent()).toContain(target.receipt.number);
    const href = await found.getByRole('link', { name: /Скачать квитанцию/ }).getAttribute('href');
    const pdf = await context.request.get(url(href!));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await screenshot(page, 'my-payments-find-found');
    await expectAccessible(page);

    // A wrong account with a real number, a real account with a wrong (neighbouring) number, and the
    // right number and account with a wrong amount: the same words. Walking numbers needs the amount.
    const answers: string[] = [];
    for (const triple of [
      { number: target.receipt.number, account: someoneElses.account.number, amount: target.receipt.totalKopecks },
      { number: someoneElses.receipt.number, account: target.account.number, amount: target.receipt.totalKopecks },
      { number: target.receipt.number, account: target.account.number, amount: target.receipt.totalKopecks + 100 },
    ]) {
      await number.fill(triple.number);
      await account.fill(triple.account);
      await amount.fill(roubles(triple.amount));
      await submit.click();
      await page.getByText('Квитанция не найдена. Проверьте номер квитанции, номер лицевого счёта и сумму.').waitFor(SEE);
      answers.push((await page.locator('.account-answer').textContent()) ?? '');
      expect(await page.getByRole('heading', { name: 'Квитанция найдена' }).count()).toBe(0);
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toBe(answers[2]);
    await screenshot(page, 'my-payments-find-not-found');
    await expectAccessible(page);

    // 5 well-formed tries per address in 5 minutes (4 spent): the 6th is refused without looking.
    await number.fill(target.receipt.number);
    await account.fill(target.account.number);
    await amount.fill(roubles(target.receipt.totalKopecks));
    await submit.click();
    await page.getByRole('heading', { name: 'Квитанция найдена' }).waitFor(SEE);
    await number.fill(target.receipt.number);
    await submit.click();
    await page.getByText(/Слишком много попыток\. Попробуйте снова через \d+ минут/).waitFor(SEE);
    expect(await page.getByRole('heading', { name: 'Квитанция найдена' }).count()).toBe(0);
    await context.close();
  }, 180_000);

  it('speaks English when the resident chose it, and fits a 360 px phone', async () => {
    const { context, page } = await openPage({ viewport: { width: 360, height: 740 } });
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: stackEnv.webUrl }]);
    await page.goto(url('/my-payments'), NAVIGATION);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'My payments' }).waitFor(SEE);
    await page.getByLabel('Email address').waitFor(SEE);
    await page.getByRole('link', { name: 'Find a receipt by its number and your account number' }).click();
    await page.waitForURL(/\/my-payments\/find/, NAVIGATION);
    await page.getByRole('heading', { level: 1, name: 'Find a receipt' }).waitFor(SEE);

    await page.getByLabel('Receipt number').fill(mine[0]!.receipt.number);
    await page.getByLabel('Account number').fill(mine[0]!.account.number);
    await page
      .getByLabel('Amount paid')
      .fill(`${Math.floor(mine[0]!.receipt.totalKopecks / 100)}.${String(mine[0]!.receipt.totalKopecks % 100).padStart(2, '0')}`);
    await page.getByRole('button', { name: 'Find the receipt' }).click();
    await page.getByRole('heading', { name: 'Receipt found' }).waitFor(SEE);
    const card = (await page.locator('.account-card--result').textContent()) ?? '';
    expect(card).toContain('Paid');
    expect(card).toMatch(/₽[\d,]+\.\d{2}/);
    expect(card).toContain('(Omsk time)');
    // Nothing overflows sideways on a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'my-payments-find-en-phone');
    await expectAccessible(page);
    await context.close();
  }, 180_000);
});
