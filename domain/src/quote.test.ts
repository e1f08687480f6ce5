import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElectricityInput, LineOptions, PeriodBill, QuoteLine, QuoteResult, TariffRate, ZoneReading } from './types';
import { computeQuote, DEFAULT_MAX_KWH_PER_ZONE, priceKwh, type QuoteInput, selectTariff, zonesOfPlan } from './quote';

const SINGLE_RATE: TariffRate[] = [{ zone: 'SINGLE', rateCentikopecks: 51234 }]; // 5,1234 ₽/kWh
const DAY_NIGHT_RATES: TariffRate[] = [
  { zone: 'DAY', rateCentikopecks: 67634 },
  { zone: 'NIGHT', rateCentikopecks: 34127 },
];
const CEILING = 15_000_000;
const NOTHING_EXTRA: LineOptions = { commonArea: false, penalty: false, debt: false };
const EVERYTHING: LineOptions = { commonArea: true, penalty: true, debt: true };

const makeBill = (overrides: Partial<PeriodBill> = {}): PeriodBill => ({
  period: '2026-03',
  tariff: { validFrom: '2025-07-01', rates: [...SINGLE_RATE, ...DAY_NIGHT_RATES] },
  lastReadings: [],
  commonAreaKopecks: 0,
  penaltyKopecks: 0,
  debtKopecks: 0,
  ...overrides,
});

const quote = (overrides: Partial<QuoteInput> & { electricity?: ElectricityInput | null } = {}): QuoteResult =>
  computeQuote({
    bill: makeBill(),
    tariffPlan: 'SINGLE_RATE',
    meterCapacity: 99999,
    electricity: null,
    options: { commonArea: true, penalty: true, debt: false },
    ceilingKopecks: CEILING,
    ...overrides,
  });

const single = (start: number, end: number): ElectricityInput => ({
  kind: 'readings',
  readings: [{ zone: 'SINGLE', start, end }],
});
const dayNight = (day: [number, number], night: [number, number]): ElectricityInput => ({
  kind: 'readings',
  readings: [
    { zone: 'DAY', start: day[0], end: day[1] },
    { zone: 'NIGHT', start: night[0], end: night[1] },
  ],
});

const ok = (result: QuoteResult) => {
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.error)}`);
  return result.quote;
};
const line = (result: QuoteResult, kind: QuoteLine['kind']) => ok(result).lines.find((l) => l.kind === kind);

describe('selectTariff', () => {
  const tariffs = [
    { validFrom: '2026-07-01', rates: [{ zone: 'SINGLE' as const, rateCentikopecks: 65699 }] },
    { validFrom: '2025-07-01', rates: [{ zone: 'SINGLE' as const, rateCentikopecks: 58712 }] },
  ];

  it('prices January by the tariff of the previous July and July by the new one', () => {
    expect(selectTariff(tariffs, '2026-01')?.validFrom).toBe('2025-07-01');
    expect(selectTariff(tariffs, '2026-06')?.validFrom).toBe('2025-07-01');
    expect(selectTariff(tariffs, '2026-07')?.validFrom).toBe('2026-07-01');
    expect(selectTariff(tariffs, '2027-01')?.validFrom).toBe('2026-07-01');
  });

  it('finds nothing before the first tariff', () => {
    expect(selectTariff(tariffs, '2025-06')).toBeNull();
    expect(selectTariff([], '2026-01')).toBeNull();
  });

  it('respects an explicit end: a period after it, in a gap, finds nothing', () => {
    const ended = [
      { validFrom: '2025-07-01', validTo: '2026-01-01', rates: [{ zone: 'SINGLE' as const, rateCentikopecks: 58712 }] },
      { validFrom: '2026-03-01', validTo: null, rates: [{ zone: 'SINGLE' as const, rateCentikopecks: 65699 }] },
    ];
    expect(selectTariff(ended, '2025-12')?.validFrom).toBe('2025-07-01');
    expect(selectTariff(ended, '2026-01')).toBeNull();
    expect(selectTariff(ended, '2026-02')).toBeNull();
    expect(selectTariff(ended, '2026-03')?.validFrom).toBe('2026-03-01');
    expect(selectTariff(ended, '2030-12')?.validFrom).toBe('2026-03-01');
    // An end on the 15th still covers the month it started: the first day decides.
    expect(selectTariff([{ ...ended[0]!, validTo: '2026-01-15' }], '2026-01')?.validFrom).toBe('2025-07-01');
  });

  it('uses the tariff in force on the first day: a change on the 15th waits for the next period', () => {
    const midMonth = [...tariffs, { validFrom: '2026-03-15', rates: [] }];
    expect(selectTariff(midMonth, '2026-03')?.validFrom).toBe('2025-07-01');
    expect(selectTariff(midMonth, '2026-04')?.validFrom).toBe('2026-03-15');
  });

  it('accepts full ISO timestamps as validFrom, and refuses what is not a date or period', () => {
    expect(selectTariff([{ validFrom: '2026-07-01T00:00:00.000Z', rates: [] }], '2026-07')?.validFrom).toBe('2026-07-01T00:00:00.000Z');
    expect(() => selectTariff([{ validFrom: '1 July 2026', rates: [] }], '2026-07')).toThrow(RangeError);
    expect(() => selectTariff(tariffs, '2026-7')).toThrow(RangeError);
  });

  it('picks the latest start on or before the period, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
        fc.integer({ min: 2019, max: 2031 }),
        fc.integer({ min: 1, max: 12 }),
        (dates, year, month) => {
          const period = `${year}-${String(month).padStart(2, '0')}`;
          const chosen = selectTariff(
            dates.map((validFrom) => ({ validFrom, rates: [] })),
            period,
          );
          const inForce = dates.filter((d) => d <= `${period}-01`).sort();
          expect(chosen?.validFrom ?? null).toBe(inForce.at(-1) ?? null);
        },
      ),
    );
  });
});

describe('zonesOfPlan', () => {
  it('is SINGLE for single-rate meters and DAY, NIGHT for two-zone ones', () => {
    expect(zonesOfPlan('SINGLE_RATE')).toEqual(['SINGLE']);
    expect(zonesOfPlan('DAY_NIGHT')).toEqual(['DAY', 'NIGHT']);
  });
});

describe('priceKwh: round half up, in whole kopecks', () => {
  it.each([
    [1, 51234, 512n], // 512,34 коп.
    [1, 50, 1n], // exactly half a kopeck: up
    [1, 49, 0n],
    [1, 150, 2n],
    [1, 149, 1n],
    [3, 51250, 1538n], // 1537,5 → 1538
    [2, 51225, 1025n], // 1024,5 → 1025
    [7, 51234, 3586n], // 3586,38
    [0, 51234, 0n],
    [10_000, 99999, 9_999_900n],
  ])('%i kWh × %i c/100 → %i', (kwh, rate, kopecks) => expect(priceKwh(kwh, rate)).toBe(kopecks));

  it('matches Math.round on exactly representable products (the .5 boundaries included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), (kwh, rate) => {
        expect(priceKwh(kwh, rate)).toBe(BigInt(Math.round((kwh * rate) / 100)));
      }),
    );
  });

  it('rounds half up at every .5 boundary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (k) => {
        // kWh = 1, rate = 100k + 50 is exactly k,5 kopecks.
        expect(priceKwh(1, 100 * k + 50)).toBe(BigInt(k + 1));
        expect(priceKwh(1, 100 * k + 49)).toBe(BigInt(k));
      }),
    );
  });
});

describe('computeQuote: the start reading is the server’s', () => {
  const recorded = (value: number) => makeBill({ lastReadings: [{ zone: 'SINGLE', value, period: '2026-02' }] });

  it('refuses a start that is not the last recorded reading (paying 1 kWh to record 199 as paid)', () => {
    const result = quote({ bill: recorded(12390), electricity: single(12589, 12590), options: NOTHING_EXTRA });
    expect(result).toEqual({ ok: false, error: { code: 'READING_START_MISMATCH', params: { zone: 'SINGLE', start: 12390, given: 12589 } } });
    const honest = quote({ bill: recorded(12390), electricity: single(12390, 12590), options: NOTHING_EXTRA });
    expect(line(honest, 'ELECTRICITY')).toMatchObject({ kwh: 200, amountKopecks: 102468 });
    expect(line(honest, 'ELECTRICITY')?.zones?.[0]?.startDeclared).toBeUndefined();
  });

  it('rolls over only from the recorded value', () => {
    expect(line(quote({ bill: recorded(99990), electricity: single(99990, 50), options: NOTHING_EXTRA }), 'ELECTRICITY')?.kwh).toBe(60);
    expect(quote({ bill: recorded(99990), electricity: single(99000, 50), options: NOTHING_EXTRA })).toMatchObject({
      ok: false,
      error: { code: 'READING_START_MISMATCH' },
    });
  });

  it('marks the start declared when no reading was recorded, on every zone it concerns', () => {
    const result = quote({ electricity: single(12000, 12150), options: NOTHING_EXTRA });
    expect(line(result, 'ELECTRICITY')?.zones?.[0]).toMatchObject({ start: 12000, startDeclared: true });
    const day = makeBill({ lastReadings: [{ zone: 'DAY', value: 1000, period: '2026-02' }] });
    const both = quote({ bill: day, tariffPlan: 'DAY_NIGHT', electricity: dayNight([1000, 1101], [500, 550]), options: NOTHING_EXTRA });
    expect(line(both, 'ELECTRICITY')?.zones?.map((z) => [z.zone, z.startDeclared ?? false])).toEqual([
      ['DAY', false],
      ['NIGHT', true],
    ]);
  });

  it('accepts no start but the recorded one, whatever the numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999 }), (last, start, end) => {
        const result = quote({ bill: recorded(last), electricity: single(start, end), options: NOTHING_EXTRA });
        if (start !== last) expect(result).toMatchObject({ ok: false, error: { code: 'READING_START_MISMATCH' } });
        else if (result.ok) expect(line(result, 'ELECTRICITY')?.zones?.[0]?.start).toBe(last);
      }),
    );
  });

  it('keeps the old rule for payments quoted before it (serverStart: false)', () => {
    const result = quote({ bill: recorded(12390), electricity: single(12589, 12590), options: NOTHING_EXTRA, serverStart: false });
    expect(line(result, 'ELECTRICITY')).toMatchObject({ kwh: 1 });
    expect(line(result, 'ELECTRICITY')?.zones?.[0]?.startDeclared).toBeUndefined();
  });
});

describe('computeQuote: readings', () => {
  it('prices a single-rate meter by its consumption', () => {
    const bill = makeBill({ lastReadings: [{ zone: 'SINGLE', value: 12000, period: '2026-02' }] });
    const result = quote({ bill, electricity: single(12000, 12150), options: NOTHING_EXTRA });
    const electricity = line(result, 'ELECTRICITY');
    expect(electricity).toEqual({
      kind: 'ELECTRICITY',
      amountKopecks: 76851, // 150 × 5,1234 = 768,51
      included: true,
      kwh: 150,
      zones: [{ zone: 'SINGLE', start: 12000, end: 12150, kwh: 150, rolledOver: false, rateCentikopecks: 51234, amountKopecks: 76851 }],
    });
    expect(ok(result).totalKopecks).toBe(76851);
    expect(ok(result).period).toBe('2026-03');
  });

  it('prices each zone of a two-zone meter by its own rate, rounding each zone', () => {
    // DAY: 101 × 6,7634 = 683,1034 → 683; NIGHT: 50 × 3,4127 = 170,635 → 171 (half up).
    const result = quote({ tariffPlan: 'DAY_NIGHT', electricity: dayNight([1000, 1101], [500, 550]), options: NOTHING_EXTRA });
    const electricity = line(result, 'ELECTRICITY');
    expect(electricity?.zones?.map((z) => [z.zone, z.kwh, z.amountKopecks])).toEqual([
      ['DAY', 101, 68310],
      ['NIGHT', 50, 17064],
    ]);
    expect(electricity?.kwh).toBe(151);
    expect(electricity?.amountKopecks).toBe(68310 + 17064);
  });

  it('lists zones in bill order whatever order they were sent in', () => {
    const electricity: ElectricityInput = {
      kind: 'readings',
      readings: [
        { zone: 'NIGHT', start: 0, end: 10 },
        { zone: 'DAY', start: 0, end: 20 },
      ],
    };
    expect(line(quote({ tariffPlan: 'DAY_NIGHT', electricity }), 'ELECTRICITY')?.zones?.map((z) => z.zone)).toEqual(['DAY', 'NIGHT']);
  });

  it('handles a meter that rolled over past its capacity', () => {
    const result = quote({ electricity: single(99950, 120), options: NOTHING_EXTRA });
    expect(line(result, 'ELECTRICITY')?.zones?.[0]).toMatchObject({ start: 99950, end: 120, kwh: 170, rolledOver: true });
    expect(line(quote({ electricity: single(99999, 0) }), 'ELECTRICITY')?.kwh).toBe(1);
    // A four-digit meter rolls over at 9999.
    expect(line(quote({ meterCapacity: 9999, electricity: single(9990, 5) }), 'ELECTRICITY')?.kwh).toBe(15);
  });

  it('refuses an end reading below the start when a rollover is implausible', () => {
    expect(quote({ electricity: single(5000, 4000) })).toEqual({
      ok: false,
      error: {
        code: 'READING_WENT_BACKWARDS',
        params: { zone: 'SINGLE', start: 5000, end: 4000, capacity: 99999, maxKwh: DEFAULT_MAX_KWH_PER_ZONE },
      },
    });
    // With a lower plausibility limit, a rollover of 350 kWh is not believed either.
    expect(quote({ electricity: single(99950, 300), maxKwh: 200 })).toMatchObject({
      ok: false,
      error: { code: 'READING_WENT_BACKWARDS' },
    });
    // The limit itself is still plausible.
    expect(line(quote({ electricity: single(99950, 9950) }), 'ELECTRICITY')?.kwh).toBe(DEFAULT_MAX_KWH_PER_ZONE);
    expect(quote({ electricity: single(99950, 9951) })).toMatchObject({ ok: false, error: { code: 'READING_WENT_BACKWARDS' } });
  });

  it('refuses absurd consumption', () => {
    expect(line(quote({ electricity: single(0, DEFAULT_MAX_KWH_PER_ZONE) }), 'ELECTRICITY')?.kwh).toBe(DEFAULT_MAX_KWH_PER_ZONE);
    expect(quote({ electricity: single(0, DEFAULT_MAX_KWH_PER_ZONE + 1) })).toEqual({
      ok: false,
      error: { code: 'CONSUMPTION_TOO_HIGH', params: { zone: 'SINGLE', start: 0, end: 10_001, kwh: 10_001, maxKwh: 10_000 } },
    });
    expect(quote({ tariffPlan: 'DAY_NIGHT', electricity: dayNight([0, 10], [0, 60_000]) })).toMatchObject({
      ok: false,
      error: { code: 'CONSUMPTION_TOO_HIGH', params: { zone: 'NIGHT' } },
    });
  });

  it('allows zero consumption: the electricity line is 0 and the extras carry the total', () => {
    const result = quote({ electricity: single(4242, 4242), bill: makeBill({ commonAreaKopecks: 15000 }) });
    expect(line(result, 'ELECTRICITY')).toMatchObject({ amountKopecks: 0, kwh: 0, included: true });
    expect(ok(result).totalKopecks).toBe(15000);
    expect(quote({ electricity: single(4242, 4242) })).toEqual({
      ok: false,
      error: { code: 'TOTAL_NOT_POSITIVE', params: { totalKopecks: 0 } },
    });
  });

  it('needs a tariff, with a rate for every zone', () => {
    expect(quote({ bill: makeBill({ tariff: null }), electricity: single(1, 2) })).toEqual({
      ok: false,
      error: { code: 'NO_TARIFF', params: { period: '2026-03' } },
    });
    const dayOnly = makeBill({ tariff: { validFrom: '2025-07-01', rates: [{ zone: 'DAY', rateCentikopecks: 60000 }] } });
    expect(quote({ bill: dayOnly, tariffPlan: 'DAY_NIGHT', electricity: dayNight([0, 1], [0, 1]) })).toEqual({
      ok: false,
      error: { code: 'NO_TARIFF', params: { period: '2026-03', zone: 'NIGHT' } },
    });
  });

  it.each<[string, 'SINGLE_RATE' | 'DAY_NIGHT', ZoneReading[]]>([
    ['a DAY reading for a single-rate meter', 'SINGLE_RATE', [{ zone: 'DAY', start: 0, end: 1 }]],
    [
      'two readings for a single-rate meter',
      'SINGLE_RATE',
      [
        { zone: 'SINGLE', start: 0, end: 1 },
        { zone: 'SINGLE', start: 0, end: 1 },
      ],
    ],
    ['no readings', 'SINGLE_RATE', []],
    ['DAY only for a two-zone meter', 'DAY_NIGHT', [{ zone: 'DAY', start: 0, end: 1 }]],
    [
      'DAY twice for a two-zone meter',
      'DAY_NIGHT',
      [
        { zone: 'DAY', start: 0, end: 1 },
        { zone: 'DAY', start: 0, end: 1 },
      ],
    ],
    ['SINGLE for a two-zone meter', 'DAY_NIGHT', [{ zone: 'SINGLE', start: 0, end: 1 }]],
    [
      'an extra zone',
      'DAY_NIGHT',
      [
        { zone: 'DAY', start: 0, end: 1 },
        { zone: 'NIGHT', start: 0, end: 1 },
        { zone: 'SINGLE', start: 0, end: 1 },
      ],
    ],
  ])('refuses %s', (_, tariffPlan, readings) => {
    const result = quote({ tariffPlan, electricity: { kind: 'readings', readings } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'READINGS_ZONES_MISMATCH', params: { expected: zonesOfPlan(tariffPlan).join(',') } },
    });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '100', null])('refuses a start reading of %j', (start) => {
    const result = quote({ electricity: { kind: 'readings', readings: [{ zone: 'SINGLE', start: start as number, end: 5 }] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'READING_INVALID', params: { zone: 'SINGLE', field: 'start' } } });
  });

  it('refuses a reading the meter cannot show', () => {
    expect(quote({ electricity: single(0, 100_000) })).toEqual({
      ok: false,
      error: { code: 'READING_OVER_CAPACITY', params: { zone: 'SINGLE', field: 'end', value: 100_000, capacity: 99999 } },
    });
    expect(quote({ meterCapacity: 9999, electricity: single(10_000, 10_001) })).toMatchObject({
      ok: false,
      error: { code: 'READING_OVER_CAPACITY', params: { field: 'start', capacity: 9999 } },
    });
  });
});

describe('computeQuote: a typed amount', () => {
  it('needs no tariff and no readings', () => {
    const result = quote({
      bill: makeBill({ tariff: null }),
      electricity: { kind: 'amount', amountKopecks: 123456 },
      options: NOTHING_EXTRA,
    });
    expect(ok(result).lines).toEqual([{ kind: 'ELECTRICITY', amountKopecks: 123456, included: true }]);
    expect(ok(result).totalKopecks).toBe(123456);
  });

  it.each([0, -100, 1.5, Number.NaN, 2 ** 53, '500'])('refuses %j kopecks', (amountKopecks) => {
    expect(quote({ electricity: { kind: 'amount', amountKopecks: amountKopecks as number } })).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_INVALID' },
    });
  });
});

describe('computeQuote: extra lines, debt and the ceiling', () => {
  const withExtras = makeBill({ commonAreaKopecks: 18437, penaltyKopecks: 1250, debtKopecks: 234567 });

  it('lists common area and penalties (included by default) and the debt (left out until added)', () => {
    const result = quote({ bill: withExtras, electricity: single(100, 200) });
    expect(ok(result).lines.map((l) => [l.kind, l.amountKopecks, l.included])).toEqual([
      ['ELECTRICITY', 51234, true],
      ['COMMON_AREA', 18437, true],
      ['PENALTY', 1250, true],
      ['DEBT', 234567, false],
    ]);
    expect(ok(result).totalKopecks).toBe(51234 + 18437 + 1250);
  });

  it('follows each option: left-out lines stay listed but do not count', () => {
    const result = quote({
      bill: withExtras,
      electricity: single(100, 200),
      options: { commonArea: false, penalty: true, debt: true },
    });
    expect(ok(result).lines.find((l) => l.kind === 'COMMON_AREA')).toMatchObject({ included: false });
    expect(ok(result).totalKopecks).toBe(51234 + 1250 + 234567);
  });

  it('does not list lines the bill does not have', () => {
    const result = quote({ bill: makeBill({ penaltyKopecks: 700 }), electricity: single(0, 1), options: EVERYTHING });
    expect(ok(result).lines.map((l) => l.kind)).toEqual(['ELECTRICITY', 'PENALTY']);
  });

  it('without electricity, quotes the other lines so the resident sees them before the readings', () => {
    const result = quote({ bill: withExtras, electricity: null });
    expect(ok(result).lines.map((l) => l.kind)).toEqual(['COMMON_AREA', 'PENALTY', 'DEBT']);
    expect(ok(result).totalKopecks).toBe(18437 + 1250);
    expect(quote({ bill: makeBill({ debtKopecks: 500 }), electricity: null })).toEqual({
      ok: false,
      error: { code: 'TOTAL_NOT_POSITIVE', params: { totalKopecks: 0 } },
    });
  });

  it('allows a total up to the ceiling, and not a kopeck more', () => {
    const amount = (amountKopecks: number): ElectricityInput => ({ kind: 'amount', amountKopecks });
    expect(ok(quote({ electricity: amount(CEILING), options: NOTHING_EXTRA })).totalKopecks).toBe(CEILING);
    expect(quote({ electricity: amount(CEILING + 1), options: NOTHING_EXTRA })).toEqual({
      ok: false,
      error: { code: 'TOTAL_OVER_CEILING', params: { ceilingKopecks: CEILING, totalKopecks: CEILING + 1 } },
    });
    // A large debt is fine to list, but adding it trips the ceiling.
    const bigDebt = makeBill({ debtKopecks: 16_000_000 });
    expect(quote({ bill: bigDebt, electricity: single(0, 100) }).ok).toBe(true);
    expect(quote({ bill: bigDebt, electricity: single(0, 100), options: EVERYTHING })).toMatchObject({
      ok: false,
      error: { code: 'TOTAL_OVER_CEILING', params: { ceilingKopecks: CEILING } },
    });
  });

  it('cannot overflow: huge amounts are refused by the ceiling, not summed in floats', () => {
    const huge = makeBill({ commonAreaKopecks: Number.MAX_SAFE_INTEGER, penaltyKopecks: Number.MAX_SAFE_INTEGER });
    expect(quote({ bill: huge, ceilingKopecks: Number.MAX_SAFE_INTEGER })).toEqual({
      ok: false,
      error: {
        code: 'TOTAL_OVER_CEILING',
        params: { ceilingKopecks: Number.MAX_SAFE_INTEGER, totalKopecks: (2n * BigInt(Number.MAX_SAFE_INTEGER)).toString() },
      },
    });
  });

  it('throws on bad data from our side instead of pricing around it', () => {
    expect(() => quote({ meterCapacity: 0, electricity: single(0, 0) })).toThrow(RangeError);
    expect(() => quote({ ceilingKopecks: -1 })).toThrow(RangeError);
    expect(() => quote({ maxKwh: 0 })).toThrow(RangeError);
    expect(() => quote({ bill: makeBill({ debtKopecks: -5 }) })).toThrow(RangeError);
    expect(() => quote({ bill: makeBill({ penaltyKopecks: 1.5 }) })).toThrow(RangeError);
    const fractionalRate = makeBill({
      tariff: { validFrom: '2025-07-01', rates: [{ zone: 'SINGLE', rateCentikopecks: 512.5 }] },
    });
    expect(() => quote({ bill: fractionalRate, electricity: single(0, 1) })).toThrow(RangeError);
    const twoRates = makeBill({ tariff: { validFrom: '2025-07-01', rates: [...SINGLE_RATE, ...SINGLE_RATE] } });
    expect(() => quote({ bill: twoRates, electricity: single(0, 1) })).toThrow(RangeError);
  });
});

describe('computeQuote: properties', () => {
  const amountArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }));
  const billArb = fc.record({
    commonAreaKopecks: amountArb,
    penaltyKopecks: amountArb,
    debtKopecks: amountArb,
    rates: fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 })),
  });
  const optionsArb = fc.record({ commonArea: fc.boolean(), penalty: fc.boolean(), debt: fc.boolean() });
  const readingArb = fc.integer({ min: 0, max: 99999 });
  const planArb = fc.constantFrom('SINGLE_RATE' as const, 'DAY_NIGHT' as const);

  type BillSample = { commonAreaKopecks: number; penaltyKopecks: number; debtKopecks: number; rates: [number, number, number] };
  const build = (b: BillSample) =>
    makeBill({
      commonAreaKopecks: b.commonAreaKopecks,
      penaltyKopecks: b.penaltyKopecks,
      debtKopecks: b.debtKopecks,
      tariff: {
        validFrom: '2025-07-01',
        rates: [
          { zone: 'SINGLE', rateCentikopecks: b.rates[0] },
          { zone: 'DAY', rateCentikopecks: b.rates[1] },
          { zone: 'NIGHT', rateCentikopecks: b.rates[2] },
        ],
      },
    });

  it('total = sum of included lines; electricity = sum of zones; every amount an integer within the ceiling', () => {
    // Mostly plausible consumption (some past the limit), so most runs reach a quote.
    const usageArb = fc.tuple(readingArb, fc.integer({ min: 0, max: DEFAULT_MAX_KWH_PER_ZONE + 2000 }));
    let quoted = 0;
    fc.assert(
      fc.property(billArb, optionsArb, planArb, fc.array(usageArb, { minLength: 2, maxLength: 2 }), (b, options, plan, usage) => {
        const readings = zonesOfPlan(plan).map((zone, i) => ({
          zone,
          start: usage[i]![0],
          end: (usage[i]![0] + usage[i]![1]) % 100_000,
        }));
        const result = computeQuote({
          bill: build(b),
          tariffPlan: plan,
          meterCapacity: 99999,
          electricity: { kind: 'readings', readings },
          options,
          ceilingKopecks: CEILING,
        });
        if (!result.ok) {
          expect(['READING_WENT_BACKWARDS', 'CONSUMPTION_TOO_HIGH', 'TOTAL_NOT_POSITIVE', 'TOTAL_OVER_CEILING']).toContain(result.error.code);
          return;
        }
        quoted++;
        const { lines, totalKopecks } = result.quote;
        expect(totalKopecks).toBe(lines.filter((l) => l.included).reduce((s, l) => s + l.amountKopecks, 0));
        expect(totalKopecks).toBeGreaterThan(0);
        expect(totalKopecks).toBeLessThanOrEqual(CEILING);
        for (const l of lines) expect(Number.isSafeInteger(l.amountKopecks) && l.amountKopecks >= 0).toBe(true);
        const electricity = lines[0]!;
        expect(electricity.kind).toBe('ELECTRICITY');
        expect(electricity.amountKopecks).toBe(electricity.zones!.reduce((s, z) => s + z.amountKopecks, 0));
        expect(electricity.kwh).toBe(electricity.zones!.reduce((s, z) => s + z.kwh, 0));
        for (const z of electricity.zones!) {
          expect(z.kwh).toBe(z.rolledOver ? 100_000 - z.start + z.end : z.end - z.start);
          expect(z.amountKopecks).toBe(Math.round((z.kwh * z.rateCentikopecks) / 100));
        }
      }),
      { numRuns: 500 },
    );
    expect(quoted).toBeGreaterThan(100);
  });

  it('never charges less for more kWh', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        readingArb,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (rate, start, a, b) => {
          const bill = makeBill({
            tariff: { validFrom: '2025-07-01', rates: [{ zone: 'SINGLE', rateCentikopecks: rate }] },
            commonAreaKopecks: 1,
          });
          const amountFor = (kwh: number) => {
            const result = quote({
              bill,
              electricity: single(start, (start + kwh) % 100_000),
              ceilingKopecks: Number.MAX_SAFE_INTEGER,
            });
            return line(result, 'ELECTRICITY')!.amountKopecks;
          };
          const [less, more] = a <= b ? [a, b] : [b, a];
          expect(amountFor(less)).toBeLessThanOrEqual(amountFor(more));
        },
      ),
    );
  });

  it('prices a rollover exactly like the same consumption without one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: DEFAULT_MAX_KWH_PER_ZONE }), (start, kwh) => {
        const end = (start + kwh) % 100_000;
        const rolled = line(quote({ electricity: single(start, end) }), 'ELECTRICITY')!;
        const straight = line(quote({ electricity: single(0, kwh) }), 'ELECTRICITY')!;
        expect(rolled.zones![0]!.rolledOver).toBe(end < start);
        expect(rolled.kwh).toBe(kwh);
        expect(rolled.amountKopecks).toBe(straight.amountKopecks);
      }),
    );
  });

  it('is deterministic: the same input gives the same quote', () => {
    fc.assert(
      fc.property(billArb, optionsArb, readingArb, readingArb, (b, options, start, end) => {
        const input: QuoteInput = {
          bill: build(b),
          tariffPlan: 'SINGLE_RATE',
          meterCapacity: 99999,
          electricity: single(start, end),
          options,
          ceilingKopecks: CEILING,
        };
        expect(computeQuote(input)).toEqual(computeQuote(structuredClone(input)));
      }),
    );
  });
});
