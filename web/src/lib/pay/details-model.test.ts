import type { PaymentState } from '@voltpay/workflows/payment';
import { DEFAULT_PAYMENT_SETTINGS } from '@voltpay/workflows/payment';
import { describe, expect, it } from 'vitest';
import {
  amountText,
  buildDetailsSchema,
  computeLiveQuote,
  debtOverCeiling,
  defaultDetailsValues,
  electricityOfValues,
  type DetailsContext,
  type DetailsValues,
} from './details-model';

const context = (overrides: Partial<DetailsContext> = {}): DetailsContext => ({
  account: { tariffPlan: 'SINGLE_RATE', meterCapacity: 99_999 } as PaymentState['account'],
  bill: {
    period: '2026-10',
    tariff: { validFrom: '2026-07-01', rates: [{ zone: 'SINGLE', rateCentikopecks: 65_699 }] },
    lastReadings: [{ zone: 'SINGLE', value: 12_390, period: '2026-09' }],
    commonAreaKopecks: 8_540,
    penaltyKopecks: 1_230,
    debtKopecks: 50_000,
  },
  settings: DEFAULT_PAYMENT_SETTINGS,
  electricity: null,
  options: { commonArea: true, penalty: true, debt: false },
  receiptEmail: null,
  ...overrides,
});

const values = (overrides: Partial<DetailsValues> = {}): DetailsValues => ({ ...defaultDetailsValues(context(), 'ru'), ...overrides });

describe('the details form', () => {
  it('starts from the last reading, or from what the workflow already holds', () => {
    expect(defaultDetailsValues(context(), 'ru').readings).toEqual({ SINGLE: { start: '12390', end: '' } });
    const typed = defaultDetailsValues(context({ electricity: { kind: 'amount', amountKopecks: 123_456 }, receiptEmail: 'a@b.ru' }), 'ru');
    expect(typed).toMatchObject({ mode: 'amount', amount: '1234,56', sendEmail: true, email: 'a@b.ru' });
    expect(defaultDetailsValues(context({ bill: { ...context().bill!, tariff: null } }), 'en').mode).toBe('amount');
    expect(amountText(5, 'en')).toBe('0.05');
  });

  it('prices as it is typed with the workflow’s quote: 200 kWh, the lines, the debt when added', () => {
    const live = computeLiveQuote(context(), values({ readings: { SINGLE: { start: '12390', end: '12590' } } }));
    expect(live.result?.ok).toBe(true);
    if (!live.result?.ok) return;
    const electricity = live.result.quote.lines.find((l) => l.kind === 'ELECTRICITY')!;
    expect(electricity.kwh).toBe(200);
    expect(electricity.amountKopecks).toBe(131_398); // 200 × 656,99 kopecks
    expect(live.result.quote.totalKopecks).toBe(131_398 + 8_540 + 1_230);
    const withDebt = computeLiveQuote(context(), values({ readings: { SINGLE: { start: '12390', end: '12590' } }, penalty: false, debt: true }));
    expect(withDebt.result?.ok && withDebt.result.quote.totalKopecks).toBe(131_398 + 8_540 + 50_000);
  });

  it('an amount in roubles becomes integer kopecks; what is not a number is a problem of its field', () => {
    expect(electricityOfValues({ mode: 'amount', readings: {}, amount: '1 234,56' }, ['SINGLE'])).toEqual({
      electricity: { kind: 'amount', amountKopecks: 123_456 },
      problems: [],
    });
    expect(electricityOfValues({ mode: 'amount', readings: {}, amount: '12,345' }, ['SINGLE']).problems).toEqual([
      { path: 'amount', code: 'AMOUNT_TOO_PRECISE' },
    ]);
    expect(electricityOfValues({ mode: 'amount', readings: {}, amount: '100,555' }, ['SINGLE']).problems).toEqual([
      { path: 'amount', code: 'AMOUNT_TOO_PRECISE' },
    ]);
    expect(electricityOfValues({ mode: 'amount', readings: {}, amount: '1 000.5555 ₽' }, ['SINGLE']).problems).toEqual([
      { path: 'amount', code: 'AMOUNT_TOO_PRECISE' },
    ]);
    expect(electricityOfValues({ mode: 'amount', readings: {}, amount: '10a' }, ['SINGLE']).problems).toEqual([{ path: 'amount', code: 'AMOUNT_NOT_NUMBER' }]);
    expect(
      electricityOfValues({ mode: 'readings', readings: { DAY: { start: '1', end: '' }, NIGHT: { start: '1', end: '2,5' } }, amount: '' }, ['DAY', 'NIGHT'])
        .problems,
    ).toEqual([
      { path: 'readings.DAY.end', code: 'READING_REQUIRED' },
      { path: 'readings.NIGHT.end', code: 'READING_DIGITS' },
    ]);
  });

  it('the schema puts each refusal on its field, in the resident’s language', () => {
    const schema = buildDetailsSchema({ context: context(), locale: 'ru', describe: (code) => code });
    const issues = (v: DetailsValues) => {
      const result = schema.safeParse(v);
      return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues(values({ readings: { SINGLE: { start: '12390', end: '12590' } } }))).toEqual([]);
    expect(issues(values({ readings: { SINGLE: { start: '12390', end: '500' } } }))).toEqual([
      ['readings.SINGLE.end', 'Показание на конец периода меньше начального (однотарифный счётчик).'],
    ]);
    expect(issues(values({ readings: { SINGLE: { start: '12390', end: '12590' } }, sendEmail: true, email: 'nope' }))).toEqual([
      ['email', 'Проверьте адрес электронной почты, например name@example.ru.'],
    ]);
    const ceiling = buildDetailsSchema({
      context: context({ settings: { ...DEFAULT_PAYMENT_SETTINGS, ceilingKopecks: 100_000 } }),
      locale: 'en',
      describe: (c) => c,
    });
    const over = ceiling.safeParse(values({ readings: { SINGLE: { start: '12390', end: '12590' } } }));
    expect(over.success ? [] : over.error.issues.map((i) => i.path.join('.'))).toEqual(['total']);
  });

  it('a debt over the ceiling: the total is refused, yet the typed amount keeps its line', () => {
    const big = context({
      bill: { ...context().bill!, debtKopecks: 16_000_000 },
      settings: { ...DEFAULT_PAYMENT_SETTINGS, ceilingKopecks: 15_000_000 },
    });
    expect(debtOverCeiling(big)).toBe(true);
    expect(debtOverCeiling(context())).toBe(false);
    const live = computeLiveQuote(big, values({ mode: 'amount', amount: '1 500,00', debt: true }));
    expect(live.result?.ok).toBe(false);
    expect(live.lines?.find((l) => l.kind === 'ELECTRICITY')?.amountKopecks).toBe(150_000);
    expect(live.lines?.find((l) => l.kind === 'DEBT')).toMatchObject({ amountKopecks: 16_000_000, included: true });
    // Any other refusal prices nothing.
    expect(computeLiveQuote(big, values({ readings: { SINGLE: { start: '12390', end: '500' } } })).lines).toBeNull();
  });
});
