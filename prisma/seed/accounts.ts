// DEMO electricity accounts, each set up to show one case of the payment flow, with their
// billing readings, extra charges and debts (README "Demo accounts").
import type { PrismaClient } from '../generated/client';
import type { Locality, MeterZone, StoveType, TariffPlan } from '../generated/enums';

// DEMO data, not real residents (isDemo = true, made-up addresses). Charges and debts are seeded
// for fixed periods of DEMO_YEAR rather than relative to the day the seed runs: a seed that moved
// with the calendar would give a different database each month, and tests could not rely on it.
// So "current month" extras exist whenever the demo is tried in 2026, and 2026's periods stay
// selectable (the last 12 months) into 2027. Readings close 2025, so any 2026 period can be paid
// by readings starting from them.

export const DEMO_YEAR = 2026;
const DEMO_PERIODS = Array.from({ length: 12 }, (_, i) => `${DEMO_YEAR}-${String(i + 1).padStart(2, '0')}`);

export type DemoAccountCase =
  | 'city-single-rate-extras'
  | 'city-day-night-electric'
  | 'city-rollover'
  | 'city-plain'
  | 'region-rural'
  | 'region-urban-day-night-debt'
  | 'city-debt-over-ceiling';

export type DemoAccount = {
  case: DemoAccountCase;
  /** What the resident types: city = housing-office index + account, region = 6 digits. */
  number: string;
  districtCode: string;
  settlementName: string;
  /** City accounts only: the demo housing office whose index starts `number`. */
  housingOfficeIndex?: string;
  street: string;
  house: string;
  flat?: string;
  tariffPlan: TariffPlan;
  stove: StoveType;
  locality: Locality;
  meterCapacity: number;
  /** BILLING readings per zone, oldest first; the last one prefills "start". */
  readings: { period: string; zone: MeterZone; value: number }[];
  charges: { period: string; kind: 'COMMON_AREA' | 'PENALTY'; amountKopecks: number }[];
  debts: { period: string; amountKopecks: number }[];
  /** What trying this account demonstrates, for the README and the console. */
  shows: { ru: string; en: string };
};

/** Three closing readings per zone (October to December 2025), the last being `last`. */
const history = (zone: MeterZone, last: number, monthly: number) =>
  (['2025-10', '2025-11', '2025-12'] as const).map((period, i) => ({ period, zone, value: last - (2 - i) * monthly }));

/** A charge for every month of DEMO_YEAR, varying a little from month to month. */
const monthly = (kind: 'COMMON_AREA' | 'PENALTY', base: number, step: number) =>
  DEMO_PERIODS.map((period, i) => ({ period, kind, amountKopecks: base + step * i }));

const CITY = { districtCode: 'omsk', settlementName: 'Омск', locality: 'URBAN' } as const;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    case: 'city-single-rate-extras',
    // The example from the utility's own guide: index 9999 + account 1234567.
    number: '99991234567',
    ...CITY,
    housingOfficeIndex: '9999',
    street: 'ул. Ленина',
    house: '12',
    flat: '34',
    tariffPlan: 'SINGLE_RATE',
    stove: 'GAS',
    meterCapacity: 99999,
    readings: history('SINGLE', 12390, 190),
    charges: [...monthly('COMMON_AREA', 18437, 137), ...monthly('PENALTY', 950, 45)],
    debts: [{ period: `${DEMO_YEAR}-03`, amountKopecks: 234567 }],
    shows: {
      ru: 'Пример из памятки: однотарифный счётчик, газовая плита; МОП и пени за каждый месяц 2026 г., долг за март 2026 г.',
      en: "The guide's example: single-rate meter, gas stove; common-area and penalty charges every month of 2026, a debt for March 2026.",
    },
  },
  {
    case: 'city-day-night-electric',
    number: '11017654321',
    ...CITY,
    housingOfficeIndex: '1101',
    street: 'пр. Мира',
    house: '5',
    flat: '71',
    tariffPlan: 'DAY_NIGHT',
    stove: 'ELECTRIC',
    meterCapacity: 99999,
    readings: [...history('DAY', 20688, 290), ...history('NIGHT', 8431, 165)],
    charges: monthly('COMMON_AREA', 12150, 80),
    debts: [],
    shows: {
      ru: 'Двухзонный счётчик (день/ночь), электроплита (тариф ×0,7); МОП за каждый месяц 2026 г.',
      en: 'Day/night meter, electric stove (tariff ×0.7); common-area charges every month of 2026.',
    },
  },
  {
    case: 'city-rollover',
    // The account number ends in the last reading, 99950, to make it easy to remember.
    number: '110299950',
    ...CITY,
    housingOfficeIndex: '1102',
    street: 'ул. 10 лет Октября',
    house: '101',
    flat: '8',
    tariffPlan: 'SINGLE_RATE',
    stove: 'GAS',
    meterCapacity: 99999,
    readings: history('SINGLE', 99950, 170),
    charges: [],
    debts: [],
    shows: {
      ru: 'Последнее показание 99950: введите конечное, например 00120, — счётчик перешёл через ноль (170 кВт·ч).',
      en: 'Last reading 99950: enter an end reading such as 00120 and the meter rolls over (170 kWh).',
    },
  },
  {
    case: 'city-plain',
    number: '22010000001',
    ...CITY,
    housingOfficeIndex: '2201',
    street: 'ул. Красный Путь',
    house: '30',
    flat: '15',
    tariffPlan: 'SINGLE_RATE',
    stove: 'GAS',
    meterCapacity: 99999,
    readings: history('SINGLE', 4755, 120),
    charges: [],
    debts: [],
    shows: {
      ru: 'Без начислений и долгов: только электроэнергия по показаниям или своя сумма.',
      en: 'No extra charges, no debt: electricity only, by readings or a typed amount.',
    },
  },
  {
    case: 'region-rural',
    number: '100001',
    districtCode: 'azovsky',
    settlementName: 'Азово',
    street: 'ул. Школьная',
    house: '7',
    tariffPlan: 'SINGLE_RATE',
    stove: 'GAS',
    locality: 'RURAL',
    meterCapacity: 99999,
    readings: history('SINGLE', 31840, 300),
    charges: [],
    debts: [],
    shows: {
      ru: 'Район области, село: сельский тариф (×0,7), однотарифный счётчик, 6-значный номер.',
      en: 'Region district, a village: rural tariff (×0.7), single-rate meter, 6-digit number.',
    },
  },
  {
    case: 'region-urban-day-night-debt',
    number: '200002',
    districtCode: 'bolsherechensky',
    settlementName: 'Большеречье',
    street: 'ул. Советов',
    house: '15',
    flat: '3',
    tariffPlan: 'DAY_NIGHT',
    stove: 'GAS',
    locality: 'URBAN',
    meterCapacity: 99999,
    readings: [...history('DAY', 15320, 210), ...history('NIGHT', 6140, 95)],
    charges: [],
    debts: [
      { period: `${DEMO_YEAR}-02`, amountKopecks: 187540 },
      { period: `${DEMO_YEAR}-05`, amountKopecks: 96312 },
    ],
    shows: {
      ru: 'Рабочий посёлок: городской тариф, двухзонный счётчик; долги за февраль и май 2026 г.',
      en: 'An urban-type settlement: urban tariff, day/night meter; debts for February and May 2026.',
    },
  },
  {
    case: 'city-debt-over-ceiling',
    // The account part, 0160000, recalls the 160 000 ₽ debt.
    number: '33010160000',
    ...CITY,
    housingOfficeIndex: '3301',
    street: 'пр. Карла Маркса',
    house: '41',
    flat: '160',
    tariffPlan: 'SINGLE_RATE',
    stove: 'GAS',
    meterCapacity: 99999,
    readings: history('SINGLE', 56010, 250),
    charges: [],
    // Above the default ceiling of 150 000 ₽ on its own: adding it to the total is refused.
    debts: [{ period: `${DEMO_YEAR}-06`, amountKopecks: 16_000_000 }],
    shows: {
      ru: 'Долг 160 000 ₽ за июнь 2026 г.: если добавить его к оплате, сумма превысит лимит 150 000 ₽.',
      en: 'A 160 000 ₽ debt for June 2026: adding it to the payment exceeds the 150 000 ₽ limit.',
    },
  },
];

/** The end of a period (its last day, noon UTC): when its BILLING reading counts as taken. */
const periodEnd = (period: string): Date => {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0, 12));
};

const checkDemoAccount = (account: DemoAccount) => {
  const where = `seedDemoAccounts: ${account.case} (${account.number})`;
  if (account.housingOfficeIndex) {
    if (!/^\d{5,12}$/.test(account.number) || !account.number.startsWith(account.housingOfficeIndex)) {
      throw new Error(`${where}: a city number is 5 to 12 digits starting with the housing-office index`);
    }
  } else if (!/^\d{6}$/.test(account.number)) {
    throw new Error(`${where}: a region number is 6 digits`);
  }
  const amounts = [...account.charges, ...account.debts].map((c) => c.amountKopecks);
  if (amounts.some((k) => !Number.isSafeInteger(k) || k <= 0)) throw new Error(`${where}: amounts must be positive whole kopecks`);
  for (const r of account.readings) {
    if (!Number.isSafeInteger(r.value) || r.value < 0 || r.value > account.meterCapacity) throw new Error(`${where}: reading ${r.value} out of range`);
  }
  const zones = new Set(account.readings.map((r) => r.zone));
  const expected = account.tariffPlan === 'SINGLE_RATE' ? ['SINGLE'] : ['DAY', 'NIGHT'];
  if (zones.size !== expected.length || !expected.every((z) => zones.has(z as MeterZone))) {
    throw new Error(`${where}: readings must cover exactly the zones ${expected.join(', ')}`);
  }
};

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';

/**
 * Creates the demo accounts that are missing, each together with its readings, charges and debts
 * in one nested create, so an account never exists without its history. An account that exists
 * is left whole: its debts may have been paid in the demo since, and readings have no natural key
 * to tell a seeded one from a copy. Needs seedDistricts and seedHousingOffices first.
 */
export const seedDemoAccounts = async (prisma: PrismaClient): Promise<void> => {
  DEMO_ACCOUNTS.forEach(checkDemoAccount);

  const districts = await prisma.district.findMany({
    where: { code: { in: [...new Set(DEMO_ACCOUNTS.map((a) => a.districtCode))] } },
    select: { id: true, code: true, settlements: { select: { id: true, name: true, kind: true } } },
  });
  const offices = await prisma.housingOffice.findMany({
    where: { index: { in: DEMO_ACCOUNTS.flatMap((a) => (a.housingOfficeIndex ? [a.housingOfficeIndex] : [])) } },
    select: { id: true, index: true, districtId: true },
  });

  for (const account of DEMO_ACCOUNTS) {
    const where = `seedDemoAccounts: ${account.case} (${account.number})`;
    const district = districts.find((d) => d.code === account.districtCode);
    if (!district) throw new Error(`${where}: district ${account.districtCode} is missing; run seedDistricts first`);
    const settlement = district.settlements.find((s) => s.name === account.settlementName);
    if (!settlement) throw new Error(`${where}: settlement ${account.settlementName} is missing in ${account.districtCode}`);
    const rural = settlement.kind === 'VILLAGE' || settlement.kind === 'HAMLET';
    if (rural !== (account.locality === 'RURAL')) {
      throw new Error(`${where}: locality ${account.locality} does not match settlement kind ${settlement.kind}`);
    }
    const office = account.housingOfficeIndex ? offices.find((o) => o.index === account.housingOfficeIndex) : undefined;
    if (account.housingOfficeIndex && office?.districtId !== district.id) {
      throw new Error(`${where}: housing office ${account.housingOfficeIndex} is missing; run seedHousingOffices first`);
    }

    const key = { settlementId_number: { settlementId: settlement.id, number: account.number } };
    if (await prisma.account.findUnique({ where: key, select: { id: true } })) continue;
    try {
      await prisma.account.create({
        data: {
          districtId: district.id,
          settlementId: settlement.id,
          housingOfficeId: office?.id ?? null,
          number: account.number,
          street: account.street,
          house: account.house,
          flat: account.flat ?? null,
          tariffPlan: account.tariffPlan,
          stove: account.stove,
          locality: account.locality,
          meterCapacity: account.meterCapacity,
          isDemo: true,
          readings: {
            create: account.readings.map(({ period, zone, value }) => ({
              period,
              zone,
              value,
              source: 'BILLING',
              takenAt: periodEnd(period),
            })),
          },
          charges: { create: account.charges },
          debts: { create: account.debts },
        },
      });
    } catch (error) {
      // Another seed run created it between our check and our create: that is the outcome we wanted.
      if (!isUniqueViolation(error) || !(await prisma.account.findUnique({ where: key, select: { id: true } }))) throw error;
    }
  }
};
