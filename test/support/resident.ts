// Browser helpers for the residents' payment pages (web/src/app/pay): a resident's own browser
// context, and the steps as a resident takes them — terms, account, details, review, the sandbox
// acquirer's card and 3-D Secure pages, and the result. Labels are matched in Russian or English.
import { randomInt } from 'node:crypto';
import type { PaymentState, PaymentSettings } from '@voltpay/workflows/payment';
import type { Period } from '@voltpay/domain';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SANDBOX_CARDS } from './sandbox-card';
import { stackEnv } from './stack-env';

export type ResidentLocale = 'ru' | 'en';
export type StatusScreen = 'awaitingCard' | 'processing' | 'unconfirmed' | 'success' | 'declined' | 'cancelled' | 'expired' | 'refunded' | 'draft';

/** Generous: the dev server compiles a page on its first visit, and two cores are shared. */
export const STEP_TIMEOUT_MS = 45_000;

export const PAYMENT_PAGE = /\/pay\/([0-9a-f-]{36})$/;

/**
 * A fresh browser context for one resident: its own cookies, the site's language, and its own
 * client address (X-Forwarded-For) so the per-address limit on account look-ups is per test.
 */
export const openResidentPage = async (
  browser: Browser,
  { locale = 'ru', viewport, clientAddress }: { locale?: ResidentLocale; viewport?: BrowserContextOptions['viewport']; clientAddress?: string } = {},
): Promise<Page> => {
  const address = clientAddress ?? `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
  const context = await browser.newContext({
    ...(viewport ? { viewport } : {}),
    locale: locale === 'ru' ? 'ru-RU' : 'en-GB',
    extraHTTPHeaders: { 'x-forwarded-for': address },
  });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: stackEnv.webUrl }]);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return page;
};

export const paymentIdOf = (page: Page): string => {
  const id = PAYMENT_PAGE.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not on a payment's page: ${page.url()}`);
  return id;
};

/** The state as the site's API tells it (what the pages poll): the resident's view, not the whole workflow state. */
export const fetchPaymentState = async (paymentId: string): Promise<PaymentState> => {
  const response = await fetch(`${stackEnv.webUrl}/api/v1/payments/${paymentId}`);
  if (!response.ok) throw new Error(`GET payment ${paymentId}: ${response.status}`);
  return ((await response.json()) as { state: PaymentState }).state;
};

/** The terms page (`/pay`); test settings (short timers) go through `?testSettings=`, honoured by test stacks only. */
export const openTerms = async (page: Page, { settings }: { settings?: Partial<PaymentSettings> } = {}) => {
  const query = settings ? `?testSettings=${encodeURIComponent(JSON.stringify(settings))}` : '';
  await page.goto(`${stackEnv.webUrl}/pay${query}`);
  await page.getByRole('button', { name: /^(Я согласен|I agree)$/ }).waitFor();
};

/** "Я согласен" on the terms page: lands on the payment's own page /pay/<id>; returns the id. */
export const agreeToTerms = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: /^(Я согласен|I agree)$/ }).click();
  await page.waitForURL(PAYMENT_PAGE);
  await page.getByRole('combobox', { name: /Район|District/ }).waitFor();
  return paymentIdOf(page);
};

/** Terms and "Я согласен" in one go. */
export const startPaymentInBrowser = async (page: Page, options: { settings?: Partial<PaymentSettings> } = {}): Promise<string> => {
  await openTerms(page, options);
  return agreeToTerms(page);
};

/** The account step: district (and settlement in the region), the number, "Далее". */
export const enterAccount = async (page: Page, { district, settlement, number }: { district: string; settlement?: string; number: string }) => {
  await page.getByRole('combobox', { name: /^(Район|District)$/ }).selectOption({ label: district });
  if (settlement) {
    const picker = page.getByRole('combobox', { name: /Населённый пункт|Settlement/ });
    await eventually(() => picker.isEnabled()).toBe(true);
    // The district centre's option says so after its name: match the name's start.
    const value = await picker
      .locator('option')
      .evaluateAll((options, name) => (options as HTMLOptionElement[]).find((o) => o.textContent?.startsWith(name))?.value ?? null, settlement);
    if (!value) throw new Error(`no settlement ${settlement} in the list`);
    await picker.selectOption(value);
  }
  await page
    .getByLabel(/номер лицевого счёта|Номер лицевого счёта|account number/i)
    .first()
    .fill(number);
  await page.getByRole('button', { name: /^(Далее|Next)$/ }).click();
};

/** Waits for the details step (the address to check), after a successful account look-up. */
export const waitForDetails = async (page: Page) => {
  await page.getByRole('heading', { level: 2, name: /Проверьте адрес|Check the address/ }).waitFor();
};

export const choosePeriod = async (page: Page, period: Period) => {
  await page.getByRole('combobox', { name: /Период оплаты|Billing period/ }).selectOption(period);
  // The bill arrives with the electricity section.
  await page.getByRole('heading', { level: 2, name: /Электроэнергия|Electricity/ }).waitFor();
};

/** Types one zone's end reading (and the start when given): the zone's fieldset is found by its legend. */
export const enterReading = async (page: Page, { zone, end, start }: { zone: RegExp; end: string; start?: string }) => {
  const group = page.getByRole('group', { name: zone });
  if (start !== undefined) await group.getByLabel(/Начальные показания|Start reading/).fill(start);
  await group.getByLabel(/Конечные показания|End reading/).fill(end);
};

/** "Редактировать сумму" (the pencil), then the sum in roubles. */
export const enterAmount = async (page: Page, amount: string) => {
  await page.getByRole('button', { name: /Редактировать сумму|Edit amount/ }).click();
  await page.getByLabel(/Сумма за электроэнергию|Electricity amount/).fill(amount);
};

export const totalText = async (page: Page) => (await page.getByTestId('total').textContent())?.trim() ?? '';

/** "Далее" on the details step: lands on the review. */
export const goToReview = async (page: Page) => {
  await page.getByRole('button', { name: /^(Далее|Next)$/ }).click();
  await page.waitForURL(/\/review$/);
  await page.getByRole('heading', { level: 1, name: /Проверьте данные|Check your details/ }).waitFor();
};

/** "Далее" on the review: the browser goes to the acquirer's card page (another origin). */
export const confirmOnReview = async (page: Page) => {
  const acquirerOrigin = new URL(stackEnv.acquirerUrl ?? 'http://localhost:3002').origin;
  await page.getByRole('button', { name: /^(Далее|Next)$/ }).click();
  await page.waitForURL((url) => url.origin === acquirerOrigin);
  await page.getByLabel(/Имя владельца|Cardholder name/).waitFor();
};

/** "Отказаться от оплаты" on our pages, confirmed in the dialog. */
export const cancelOnOurPage = async (page: Page) => {
  await page.getByRole('button', { name: /^(Отказаться от оплаты|Cancel the payment)$/ }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /Да, отказаться|Yes, cancel/ }).click();
};

const nextYear = () => String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

/** Fills the sandbox card page and clicks "Оплатить"; an OTP card then shows the 3-D Secure page. */
export const submitCardOnAcquirerPage = async (page: Page, card: string) => {
  await page.getByLabel(/Имя владельца|Cardholder name/).fill('IVAN PETROV');
  await page.locator('#number').fill(card);
  await page.locator('#exp-month').fill('12');
  await page.locator('#exp-year').fill(nextYear());
  await page.locator('#cvc').fill('123');
  await page.getByRole('button', { name: /^(Оплатить|Pay) / }).click();
};

/** The one-time password the sandbox shows on its 3-D Secure page, typed and confirmed. */
export const passOtpOnAcquirerPage = async (page: Page) => {
  const code = (await page.getByTestId('sandbox-otp').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.locator('#otp').fill(code);
  await page.getByRole('button', { name: /^(Подтвердить|Confirm)$/ }).click();
};

/** Card (and 3-D Secure when the card asks for it), until the acquirer sends the browser back to us. */
export const payOnAcquirerPage = async (page: Page, card: string = SANDBOX_CARDS.frictionless) => {
  await submitCardOnAcquirerPage(page, card);
  if (card === SANDBOX_CARDS.otp) {
    await page.getByTestId('sandbox-otp').waitFor();
    await passOtpOnAcquirerPage(page);
  }
  await waitBackOnSite(page);
};

/** Back on our site from the acquirer (the return page, which then takes the payment's own URL). */
export const waitBackOnSite = async (page: Page) => {
  const webOrigin = new URL(stackEnv.webUrl).origin;
  await page.waitForURL((url) => url.origin === webOrigin && /^\/pay\/[0-9a-f-]{36}(\/return)?$/.test(url.pathname));
};

/** Waits until the status page shows `screen` (it polls the workflow on its own). */
export const waitForScreen = async (page: Page, screen: StatusScreen, timeout = STEP_TIMEOUT_MS) => {
  await page.locator(`[data-screen="${screen}"]`).waitFor({ timeout });
};

/**
 * A whole draft through the pages, up to the review: terms, a city account, the period, and the
 * single-rate end reading `kwh` above the prefilled start (or a typed amount).
 */
export const fillDraftInBrowser = async (
  page: Page,
  {
    accountNumber,
    period,
    kwh = 150,
    amount,
    settings,
  }: { accountNumber: string; period: Period; kwh?: number; amount?: string; settings?: Partial<PaymentSettings> },
): Promise<string> => {
  const paymentId = await startPaymentInBrowser(page, settings ? { settings } : {});
  await enterAccount(page, { district: 'Омск', number: accountNumber });
  await waitForDetails(page);
  await choosePeriod(page, period);
  if (amount !== undefined) await enterAmount(page, amount);
  else {
    const start = Number(await page.getByLabel(/Начальные показания|Start reading/).inputValue());
    await enterReading(page, { zone: /Однотарифный счётчик|Single-rate meter/, end: String(start + kwh) });
  }
  await goToReview(page);
  return paymentId;
};

/** expect.poll with the pages' patience (its default second is too short for a first compile). */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: STEP_TIMEOUT_MS, interval: 150 });
