// What the payment pages say when the resident's input is wrong, in Chromium: account numbers of
// the wrong shape (as typed), an unknown account, too many look-ups; readings that go backwards,
// a meter that rolls over, letters in a reading, a debt that would pass the ceiling. Each message
// sits next to its field (aria-describedby) and nothing wrong reaches the workflow.
import { prisma } from '@voltpay/prisma';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectBrowserErrors, launchBrowser, screenshot } from './support/browser';
import { createTestAccount, testPeriod } from './support/payments';
import {
  cancelOnOurPage,
  choosePeriod,
  enterAccount,
  enterAmount,
  enterReading,
  fetchPaymentState,
  openResidentPage,
  startPaymentInBrowser,
  totalText,
  waitForDetails,
  waitForScreen,
  eventually,
} from './support/resident';

/** The field's error text, found the way assistive technology finds it: through aria-describedby. */
const describedError = async (field: Locator): Promise<string> => {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  return ((await field.page().locator(`[id="${ids[0]}"]`).textContent()) ?? '').trim();
};

const submit = (page: Page) => page.getByRole('button', { name: 'Далее' }).click();

describe('wrong input on the payment pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('account: letters at once, short numbers, the region’s 6 digits, an unknown account, then the look-up limit; cancel from this step', async () => {
    expectBrowserErrors(/status of (404|429)/, 'the test looks up unknown accounts (404) until the look-up limit answers 429');
    const page = await openResidentPage(browser);
    const paymentId = await startPaymentInBrowser(page);
    await page.getByRole('combobox', { name: 'Район' }).selectOption({ label: 'Омск' });
    const number = page.getByLabel('Индекс ЖЭО и номер лицевого счёта');

    // A letter is refused as it is typed, before anything is sent.
    await number.fill('9999abc');
    expect(await describedError(number)).toBe('Только цифры: буквы и другие знаки в номере не нужны.');

    await number.fill('999');
    await submit(page);
    await eventually(() => describedError(number)).toBe('В городе — 4 цифры индекса ЖЭО и номер счёта, всего от 5 до 12 цифр.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('accountNumber');

    // The region: a settlement and exactly 6 digits.
    await page.getByRole('combobox', { name: 'Район' }).selectOption({ label: 'Азовский немецкий национальный' });
    const settlement = page.getByRole('combobox', { name: 'Населённый пункт' });
    await eventually(() => settlement.isEnabled()).toBe(true);
    const regionNumber = page.getByLabel('Номер лицевого счёта', { exact: true });
    await regionNumber.fill('12345');
    await submit(page);
    await eventually(() => describedError(regionNumber)).toBe('В районах области номер лицевого счёта — ровно 6 цифр.');

    // A well-formed number nobody has: the same words whatever part was wrong.
    await enterAccount(page, { district: 'Омск', number: '99990000001' });
    await eventually(() => describedError(number)).toBe('Лицевой счёт не найден. Проверьте район, населённый пункт и номер счёта по квитанции.');
    await screenshot(page, 'pay-account-errors');
    await expectAccessible(page);

    // Repeated look-ups from one address: a friendly wait, next to the field.
    let limited = '';
    for (let attempt = 0; attempt < 12 && !limited.startsWith('Слишком много попыток'); attempt++) {
      await number.fill(`9999000${String(attempt).padStart(4, '0')}`);
      await submit(page);
      await eventually(() => describedError(number).catch(() => '')).toMatch(/не найден|Слишком много попыток/);
      limited = await describedError(number);
    }
    expect(limited).toMatch(/^Слишком много попыток\. Повторите через \d+ с\.$/);
    await screenshot(page, 'pay-account-rate-limited');

    expect((await fetchPaymentState(paymentId)).account).toBeNull();
    await cancelOnOurPage(page);
    await waitForScreen(page, 'cancelled');
    await page.context().close();
  });

  it('readings: a rollover past 99999 is counted, backwards and letters are refused at the field, a too-large debt is refused at the total', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 99_950 }, debtKopecks: 16_000_000, period });
    const page = await openResidentPage(browser);
    const paymentId = await startPaymentInBrowser(page);
    await enterAccount(page, { district: 'Омск', number: account.number });
    await waitForDetails(page);

    // The period is mandatory: "Далее" without one says so at the picker.
    await submit(page);
    const periodPicker = page.getByRole('combobox', { name: /Период оплаты/ });
    await eventually(() => describedError(periodPicker).catch(() => '')).toBe('Выберите период оплаты.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('period');
    await choosePeriod(page, period);
    const end = page.getByLabel('Конечные показания');

    await enterReading(page, { zone: /Однотарифный счётчик/, end: '00120' });
    await eventually(() => page.getByTestId('consumption-SINGLE').textContent()).toContain('170 кВт·ч');
    expect(await page.locator('main').textContent()).toContain('Счётчик перешёл через 99999 и начал с нуля');

    await end.fill('50000');
    await eventually(() => describedError(end).catch(() => '')).toBe('Показание на конец периода меньше начального (однотарифный счётчик).');
    expect(await totalText(page)).toBe('—');
    await submit(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reading-SINGLE-end');

    await end.fill('12a');
    await eventually(() => describedError(end).catch(() => '')).toBe('Только цифры, без пробелов и запятых.');
    await screenshot(page, 'pay-readings-errors');
    await expectAccessible(page);

    // A fine reading, then the 160 000 ₽ debt: over the 150 000 ₽ ceiling, said at the total.
    await end.fill('00120');
    await page.getByRole('button', { name: /Добавить долг 160\s000,00/ }).click();
    const totalError = page.locator('#total-error');
    await eventually(() => totalError.textContent()).toBe('Сумма платежа превышает допустимую (150\u202F000,00\u00A0₽).');
    await submit(page);
    expect(page.url()).not.toMatch(/\/review$/);
    await screenshot(page, 'pay-total-over-ceiling');

    // Nothing refused reached the workflow: it still has no readings, and no debt chosen.
    const state = await fetchPaymentState(paymentId);
    expect(state.electricity).toBeNull();
    expect(state.options.debt).toBe(false);
    await page.context().close();
  });

  it('amount on a phone: a refusal goes with the input it was about, three decimals are named, errors stay above the total bar, a debt over the ceiling is explained', async () => {
    const period = testPeriod();
    const account = await createTestAccount(prisma, { debtKopecks: 16_000_000, period });
    const page = await openResidentPage(browser, { viewport: { width: 390, height: 844 } });
    await startPaymentInBrowser(page);
    await enterAccount(page, { district: 'Омск', number: account.number });
    await waitForDetails(page);
    await choosePeriod(page, period);
    await enterAmount(page, '9 999 999');
    const amount = page.getByLabel('Сумма за электроэнергию, ₽');
    const totalError = page.locator('#total-error');
    await eventually(() => totalError.textContent()).toBe('Сумма платежа превышает допустимую (150\u202F000,00\u00A0₽).');
    await submit(page);
    await eventually(() => totalError.isVisible()).toBe(true);

    // Corrected: the valid total stands alone, no "over the limit" left beside it.
    await amount.fill('100,50');
    await eventually(() => totalText(page)).toBe('100,50\u00A0₽');
    expect(await totalError.count()).toBe(0);

    // The amount field sits just above the sticky bar; the error that appears under it must not hide behind the bar.
    const bar = page.locator('.total-bar');
    await page.evaluate(() => {
      const input = document.getElementById('amount')!.getBoundingClientRect();
      const barTop = document.querySelector('.total-bar')!.getBoundingClientRect().top;
      window.scrollBy(0, input.bottom - barTop + 4);
    });
    const errorBelowBar = async () => {
      const error = await page.locator('#amount-error').boundingBox();
      const barBox = await bar.boundingBox();
      return error && barBox ? Math.round(barBox.y - (error.y + error.height)) : -1;
    };
    await amount.fill('100,555');
    await eventually(() => describedError(amount).catch(() => '')).toBe('Не больше двух цифр после запятой, например 100,55.');
    await eventually(errorBelowBar).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'pay-amount-error-above-bar');

    // "Далее" with the error, after scrolling away: focus and the whole field come back above the bar.
    await page.evaluate(() => window.scrollTo(0, 0));
    await submit(page);
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('amount');
    await eventually(errorBelowBar).toBeGreaterThanOrEqual(0);

    // The 160 000 ₽ debt is more than one payment: the page says how to pay it, and the typed amount keeps its line.
    await amount.fill('1 500,00');
    const addDebt = page.getByRole('button', { name: /Добавить долг 160\s000,00/ });
    expect(await page.getByTestId('debt-over-ceiling').textContent()).toBe(
      'Долг 160\u202F000,00\u00A0₽ больше, чем можно оплатить одним платежом (не больше 150\u202F000,00\u00A0₽), поэтому целиком его добавить нельзя. Погасите его частями: нажмите «Редактировать сумму» и введите сумму за месяц вместе с частью долга (всего не больше 150\u202F000,00\u00A0₽) или сделайте несколько платежей.',
    );
    expect(await addDebt.getAttribute('aria-describedby')).toBe('debt-over-ceiling');
    await addDebt.click();
    await eventually(() => totalError.textContent()).toBe('Сумма платежа превышает допустимую (150\u202F000,00\u00A0₽).');
    expect(await page.getByTestId('line-ELECTRICITY').textContent()).toBe('1\u202F500,00\u00A0₽');
    await screenshot(page, 'pay-debt-over-ceiling');
    await expectAccessible(page);
    await page.context().close();
  });
});
