// Electricity accounts in the console: search over all of them, and for DEMO accounts only
// (isDemo), creation, edits and their charges and debts per period. Real accounts come from the
// utility's billing and are read-only here.
import type { ChargeKind, Prisma, PrismaClient, StoveType, TariffPlan } from '@voltpay/prisma';
import { normalizeAccountNumber, validateAccountNumber, type AccountNumberErrorCode } from '@voltpay/domain/account-number';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { actionError, databaseViolation, fieldError } from './errors';
import { isRuralSettlement } from './places';

type Db = PrismaClient | Prisma.TransactionClient;
type Staff = Pick<StaffIdentity, 'email'>;

export const ACCOUNT_PAGE_SIZE = 50;

const NUMBER_MESSAGES: Record<AccountNumberErrorCode, string> = {
  ACCOUNT_NUMBER_EMPTY: 'Введите номер лицевого счёта.',
  ACCOUNT_NUMBER_NOT_DIGITS: 'Номер состоит только из цифр.',
  ACCOUNT_NUMBER_CITY_LENGTH: 'Номер городского счёта: 4 цифры индекса ЖЭО и номер счёта, всего от 5 до 12 цифр.',
  ACCOUNT_NUMBER_REGION_LENGTH: 'Номер счёта в районе области — ровно 6 цифр.',
};

export type AccountListItem = {
  id: string;
  number: string;
  districtName: string;
  districtKind: 'CITY' | 'REGION_DISTRICT';
  settlementName: string;
  housingOfficeIndex: string | null;
  address: string;
  tariffPlan: TariffPlan;
  stove: StoveType;
  locality: 'URBAN' | 'RURAL';
  isDemo: boolean;
};

const addressOf = (a: { street: string; house: string; flat: string | null }) => `${a.street}, д. ${a.house}${a.flat ? `, кв. ${a.flat}` : ''}`;

/** Accounts matching `query` (number digits, or a piece of the street), demo ones first when asked. */
export const findAccounts = async ({
  prisma,
  query,
  districtId,
  demo = 'all',
  page = 0,
}: {
  prisma: Db;
  query?: string;
  districtId?: string;
  demo?: 'all' | 'demo' | 'billing';
  page?: number;
}): Promise<{ items: AccountListItem[]; total: number; pageSize: number }> => {
  const text = query?.trim() ?? '';
  const digits = normalizeAccountNumber(text);
  const where: Prisma.AccountWhereInput = {
    ...(districtId ? { districtId } : {}),
    ...(demo === 'demo' ? { isDemo: true } : demo === 'billing' ? { isDemo: false } : {}),
    ...(text
      ? {
          OR: [...(/^\d+$/.test(digits) ? [{ number: { contains: digits } }] : []), { street: { contains: text, mode: 'insensitive' as const } }],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.account.findMany({
      where,
      orderBy: [{ isDemo: 'desc' }, { number: 'asc' }],
      skip: page * ACCOUNT_PAGE_SIZE,
      take: ACCOUNT_PAGE_SIZE,
      include: { district: true, settlement: true, housingOffice: true },
    }),
    prisma.account.count({ where }),
  ]);
  return {
    total,
    pageSize: ACCOUNT_PAGE_SIZE,
    items: rows.map((a) => ({
      id: a.id,
      number: a.number,
      districtName: a.district.name,
      districtKind: a.district.kind,
      settlementName: a.settlement.name,
      housingOfficeIndex: a.housingOffice?.index ?? null,
      address: addressOf(a),
      tariffPlan: a.tariffPlan,
      stove: a.stove,
      locality: a.locality,
      isDemo: a.isDemo,
    })),
  };
};

export const getAccount = async ({ prisma, id }: { prisma: Db; id: string }) => {
  const account = await prisma.account.findUnique({
    where: { id },
    include: {
      district: true,
      settlement: true,
      housingOffice: true,
      charges: { orderBy: [{ period: 'desc' }, { kind: 'asc' }] },
      debts: { orderBy: { period: 'desc' } },
      _count: { select: { payments: true, readings: true } },
    },
  });
  if (!account) throw actionError({ code: 'NOT_FOUND', message: 'Лицевой счёт не найден.' });
  const periods = [...new Set([...account.charges.map((c) => c.period), ...account.debts.map((d) => d.period)])].sort().reverse();
  return {
    id: account.id,
    number: account.number,
    districtId: account.districtId,
    districtName: account.district.name,
    districtKind: account.district.kind,
    settlementId: account.settlementId,
    settlementName: account.settlement.name,
    housingOfficeIndex: account.housingOffice?.index ?? null,
    street: account.street,
    house: account.house,
    flat: account.flat,
    tariffPlan: account.tariffPlan,
    stove: account.stove,
    locality: account.locality,
    meterCapacity: account.meterCapacity,
    isDemo: account.isDemo,
    paymentCount: account._count.payments,
    readingCount: account._count.readings,
    periods: periods.map((period) => ({
      period,
      commonAreaKopecks: account.charges.find((c) => c.period === period && c.kind === 'COMMON_AREA')?.amountKopecks ?? null,
      penaltyKopecks: account.charges.find((c) => c.period === period && c.kind === 'PENALTY')?.amountKopecks ?? null,
      electricityKopecks: account.charges.find((c) => c.period === period && c.kind === 'ELECTRICITY')?.amountKopecks ?? null,
      debtKopecks: account.debts.find((d) => d.period === period)?.amountKopecks ?? null,
    })),
  };
};

export type DemoAccountFields = {
  districtId: string;
  settlementId: string;
  number: string;
  street: string;
  house: string;
  flat: string | null;
  tariffPlan: TariffPlan;
  stove: StoveType;
  meterCapacity: number;
};

const accountSnapshot = (a: {
  id: string;
  districtId: string;
  settlementId: string;
  housingOfficeId: string | null;
  number: string;
  street: string;
  house: string;
  flat: string | null;
  tariffPlan: TariffPlan;
  stove: StoveType;
  locality: string;
  meterCapacity: number;
  isDemo: boolean;
}) => ({
  id: a.id,
  districtId: a.districtId,
  settlementId: a.settlementId,
  housingOfficeId: a.housingOfficeId,
  number: a.number,
  street: a.street,
  house: a.house,
  flat: a.flat,
  tariffPlan: a.tariffPlan,
  stove: a.stove,
  locality: a.locality,
  meterCapacity: a.meterCapacity,
  isDemo: a.isDemo,
});

/**
 * Where an account's fields put it: the settlement of the district, the locality that follows from
 * the settlement's kind, and, for the city, the housing office whose index starts the number.
 */
const placeAccount = async (tx: Prisma.TransactionClient, fields: DemoAccountFields, exceptId?: string) => {
  const district = await tx.district.findUnique({ where: { id: fields.districtId } });
  if (!district) throw fieldError({ field: 'districtId', message: 'Выберите район.' });
  const settlement = await tx.settlement.findUnique({ where: { id: fields.settlementId } });
  if (!settlement || settlement.districtId !== district.id) throw fieldError({ field: 'settlementId', message: 'Выберите населённый пункт этого района.' });
  const checked = validateAccountNumber({ districtKind: district.kind, number: fields.number });
  if (!checked.ok) throw fieldError({ field: 'number', message: NUMBER_MESSAGES[checked.code] });
  let housingOfficeId: string | null = null;
  if (checked.housingOfficeIndex) {
    const office = await tx.housingOffice.findUnique({ where: { index: checked.housingOfficeIndex } });
    if (!office || office.districtId !== district.id) {
      throw fieldError({
        field: 'number',
        message: `Номер городского счёта начинается с индекса ЖЭО, а ЖЭО с индексом ${checked.housingOfficeIndex} нет. Проверьте номер или заведите ЖЭО.`,
      });
    }
    housingOfficeId = office.id;
  }
  const taken = await tx.account.findFirst({ where: { settlementId: settlement.id, number: checked.number, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (taken) throw fieldError({ field: 'number', code: 'CONFLICT', message: 'В этом пункте уже есть счёт с таким номером.' });
  return { number: checked.number, housingOfficeId, locality: isRuralSettlement(settlement.kind) ? ('RURAL' as const) : ('URBAN' as const) };
};

const numberTaken = (error: unknown): never => {
  if (databaseViolation(error, '23505', 'accounts_settlement_id_number_key'))
    throw fieldError({ field: 'number', code: 'CONFLICT', message: 'В этом пункте уже есть счёт с таким номером.' });
  throw error;
};

export const createDemoAccount = async ({ prisma, staff, ...fields }: { prisma: PrismaClient; staff: Staff } & DemoAccountFields) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const placed = await placeAccount(tx, fields);
    const account = await tx.account.create({
      data: {
        districtId: fields.districtId,
        settlementId: fields.settlementId,
        housingOfficeId: placed.housingOfficeId,
        number: placed.number,
        street: fields.street,
        house: fields.house,
        flat: fields.flat,
        tariffPlan: fields.tariffPlan,
        stove: fields.stove,
        locality: placed.locality,
        meterCapacity: fields.meterCapacity,
        isDemo: true,
      },
    });
    return {
      result: { id: account.id },
      audit: { action: 'account.createDemo', targetType: 'account', targetId: account.id, after: accountSnapshot(account) },
    };
  }).catch(numberTaken);

const requireDemo = async (tx: Prisma.TransactionClient, id: string) => {
  const account = await tx.account.findUnique({ where: { id }, include: { _count: { select: { readings: true } } } });
  if (!account) throw actionError({ code: 'NOT_FOUND', message: 'Лицевой счёт не найден.' });
  if (!account.isDemo) {
    throw actionError({ code: 'FORBIDDEN', message: 'Это счёт из биллинга энергосбыта: в консоли его только смотрят, меняют — в биллинге.' });
  }
  return account;
};

export const updateDemoAccount = async ({ prisma, staff, id, ...fields }: { prisma: PrismaClient; staff: Staff; id: string } & DemoAccountFields) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await requireDemo(tx, id);
    if (fields.tariffPlan !== before.tariffPlan && before._count.readings > 0) {
      throw fieldError({
        field: 'tariffPlan',
        message: 'У счёта уже есть показания по зонам прежнего счётчика: тип счётчика не меняют. Заведите новый демо-счёт.',
      });
    }
    const placed = await placeAccount(tx, fields, id);
    const account = await tx.account.update({
      where: { id },
      data: {
        districtId: fields.districtId,
        settlementId: fields.settlementId,
        housingOfficeId: placed.housingOfficeId,
        number: placed.number,
        street: fields.street,
        house: fields.house,
        flat: fields.flat,
        tariffPlan: fields.tariffPlan,
        stove: fields.stove,
        locality: placed.locality,
        meterCapacity: fields.meterCapacity,
      },
    });
    return {
      result: { id },
      audit: { action: 'account.updateDemo', targetType: 'account', targetId: id, before: accountSnapshot(before), after: accountSnapshot(account) },
    };
  }).catch(numberTaken);

export type PeriodAmounts = {
  /** Kopecks; null removes the line. */
  commonAreaKopecks: number | null;
  penaltyKopecks: number | null;
  electricityKopecks: number | null;
  debtKopecks: number | null;
};

const CHARGE_FIELDS: readonly [ChargeKind, keyof PeriodAmounts][] = [
  ['COMMON_AREA', 'commonAreaKopecks'],
  ['PENALTY', 'penaltyKopecks'],
  ['ELECTRICITY', 'electricityKopecks'],
];

/** Sets what a demo account was billed and owes for one period (each line added, changed or removed). */
export const setDemoAccountPeriod = async ({
  prisma,
  staff,
  accountId,
  period,
  ...amounts
}: { prisma: PrismaClient; staff: Staff; accountId: string; period: string } & PeriodAmounts) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    await requireDemo(tx, accountId);
    const snapshot = async () => {
      const [charges, debt] = await Promise.all([
        tx.charge.findMany({ where: { accountId, period } }),
        tx.debt.findUnique({ where: { accountId_period: { accountId, period } } }),
      ]);
      return {
        period,
        commonAreaKopecks: charges.find((c) => c.kind === 'COMMON_AREA')?.amountKopecks ?? null,
        penaltyKopecks: charges.find((c) => c.kind === 'PENALTY')?.amountKopecks ?? null,
        electricityKopecks: charges.find((c) => c.kind === 'ELECTRICITY')?.amountKopecks ?? null,
        debtKopecks: debt?.amountKopecks ?? null,
      };
    };
    const before = await snapshot();
    for (const [kind, field] of CHARGE_FIELDS) {
      const amount = amounts[field];
      if (amount === null) await tx.charge.deleteMany({ where: { accountId, period, kind } });
      else
        await tx.charge.upsert({
          where: { accountId_period_kind: { accountId, period, kind } },
          create: { accountId, period, kind, amountKopecks: amount },
          update: { amountKopecks: amount },
        });
    }
    if (amounts.debtKopecks === null) await tx.debt.deleteMany({ where: { accountId, period } });
    else
      await tx.debt.upsert({
        where: { accountId_period: { accountId, period } },
        create: { accountId, period, amountKopecks: amounts.debtKopecks },
        update: { amountKopecks: amounts.debtKopecks },
      });
    const after = await snapshot();
    return { result: after, audit: { action: 'account.setPeriod', targetType: 'account', targetId: accountId, before, after, details: { period } } };
  });
