// Tariff periods as admins manage them (DESIGN §4): the table, a new version from a date (which
// ends the period it interrupts there), and edits or deletions that cannot re-price what residents
// already paid. The database refuses overlapping periods itself (tariffs_no_overlap); the checks
// here give the same refusal a clear message first, and its violation is mapped to the same field.
import type { Locality, MeterZone, Prisma, PrismaClient, StoveType, TariffPlan } from '@voltpay/prisma';
import { addMonths } from '@voltpay/domain/period';
import { omskDay } from '@voltpay/domain/omsk-time';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { actionError, databaseViolation, fieldError } from './errors';
import { formatDay, ZONE_LABELS } from './labels';
import { formatRate } from './rates';

type Db = PrismaClient | Prisma.TransactionClient;
type Staff = Pick<StaffIdentity, 'email'>;

export const TARIFF_ZONES: readonly MeterZone[] = ['SINGLE', 'DAY', 'NIGHT'];

export type TariffStatus = 'PAST' | 'CURRENT' | 'FUTURE';

export type TariffView = {
  id: string;
  locality: Locality;
  stove: StoveType;
  zone: MeterZone;
  rateCentikopecks: number;
  /** `YYYY-MM-DD`, inclusive. */
  validFrom: string;
  /** `YYYY-MM-DD`, exclusive; null = in force until further notice. */
  validTo: string | null;
  isDemo: boolean;
  status: TariffStatus;
  /** Completed payments whose electricity was priced by this period's rate (readings, not a typed amount). */
  completedPayments: number;
};

type TariffRow = {
  id: string;
  locality: Locality;
  stove: StoveType;
  zone: MeterZone;
  rateCentikopecks: number;
  validFrom: Date;
  validTo: Date | null;
  isDemo: boolean;
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Today's date in Omsk (UTC+6 all year), `YYYY-MM-DD`: what "already in force" and "future" mean. */
export const omskToday = (now: Date = new Date()): string => omskDay(now);

/** The first billing period whose first day is on or after `iso`: a period is priced by the tariff of its first day. */
const firstPeriodFrom = (iso: string) => (iso.endsWith('-01') ? iso.slice(0, 7) : addMonths(iso.slice(0, 7), 1));

const planOfZone = (zone: MeterZone): TariffPlan => (zone === 'SINGLE' ? 'SINGLE_RATE' : 'DAY_NIGHT');

const statusOf = (row: Pick<TariffRow, 'validFrom' | 'validTo'>, today: string): TariffStatus => {
  if (isoDate(row.validFrom) > today) return 'FUTURE';
  if (row.validTo && isoDate(row.validTo) <= today) return 'PAST';
  return 'CURRENT';
};

const describe = (row: TariffRow) => ({
  id: row.id,
  locality: row.locality,
  stove: row.stove,
  zone: row.zone,
  rateCentikopecks: row.rateCentikopecks,
  validFrom: isoDate(row.validFrom),
  validTo: row.validTo ? isoDate(row.validTo) : null,
});

const periodText = (from: string, to: string | null) => (to ? `${formatDay(from)} – ${formatDay(to)}` : `с ${formatDay(from)}`);

/**
 * Completed payments of the category whose period falls in [validFrom, validTo) and whose
 * electricity was priced by readings of this zone: the ones this rate decided.
 */
export const countPaymentsPricedBy = async ({
  db,
  locality,
  stove,
  zone,
  validFrom,
  validTo,
}: {
  db: Db;
  locality: Locality;
  stove: StoveType;
  zone: MeterZone;
  validFrom: string;
  validTo: string | null;
}): Promise<{ count: number; firstPeriod: string | null; lastPeriod: string | null }> => {
  const where: Prisma.PaymentWhereInput = {
    status: 'COMPLETED',
    period: { gte: firstPeriodFrom(validFrom), ...(validTo ? { lt: firstPeriodFrom(validTo) } : {}) },
    account: { locality, stove, tariffPlan: planOfZone(zone) },
    // kWh is recorded only for electricity by readings; a typed amount used no rate.
    lines: { some: { kind: 'ELECTRICITY', kwh: { not: null } } },
  };
  const [count, first, last] = await Promise.all([
    db.payment.count({ where }),
    db.payment.findFirst({ where, orderBy: { period: 'asc' }, select: { period: true } }),
    db.payment.findFirst({ where, orderBy: { period: 'desc' }, select: { period: true } }),
  ]);
  return { count, firstPeriod: first?.period ?? null, lastPeriod: last?.period ?? null };
};

/** Every tariff period, by category (locality × stove), zone and start date. */
export const listTariffs = async ({ prisma, now }: { prisma: Db; now?: Date }): Promise<TariffView[]> => {
  const today = omskToday(now);
  const rows = await prisma.tariff.findMany({ orderBy: [{ locality: 'asc' }, { stove: 'asc' }, { zone: 'asc' }, { validFrom: 'asc' }] });
  return Promise.all(
    rows.map(async (row) => ({
      ...describe(row),
      isDemo: row.isDemo,
      status: statusOf(row, today),
      completedPayments: (await countPaymentsPricedBy({ db: prisma, ...describe(row) })).count,
    })),
  );
};

// Another admin's save between our checks and our write: the database's constraints refuse it,
// and the admin gets the same field error the checks would have given.
const mapConcurrentOverlap =
  (field: 'validFrom' | 'validTo') =>
  (error: unknown): never => {
    if (databaseViolation(error, '23P01', 'tariffs_no_overlap') || databaseViolation(error, '23505', 'tariffs_locality_stove_zone_valid_from_key')) {
      throw fieldError({
        field,
        code: 'CONFLICT',
        message: 'Период пересекается с другим периодом того же тарифа (его только что сохранил кто-то ещё). Обновите страницу и проверьте даты.',
      });
    }
    if (databaseViolation(error, '23514', 'tariffs_valid_period')) {
      throw fieldError({ field: 'validTo', message: 'Конец периода должен быть позже его начала.' });
    }
    throw error;
  };

export type CreateTariffVersionResult = { created: TariffView[]; closed: TariffView[] };

/**
 * A new version of a category's rates from `validFrom`, for each zone given. The period it falls
 * in is ended there (the new one runs until that period would have ended); in a gap, the new one
 * runs until the next period starts, or until further notice. Refused when a period starts that
 * very day, or when completed payments for periods from that day were priced by the rate it would
 * replace (what residents paid is never re-priced: start the version after them).
 */
export const createTariffVersion = async ({
  prisma,
  staff,
  locality,
  stove,
  validFrom,
  rates,
  now,
}: {
  prisma: PrismaClient;
  staff: Staff;
  locality: Locality;
  stove: StoveType;
  validFrom: string;
  rates: Partial<Record<MeterZone, number>>;
  now?: Date;
}): Promise<CreateTariffVersionResult> => {
  const today = omskToday(now);
  const zones = TARIFF_ZONES.filter((zone) => rates[zone] !== undefined);
  if (zones.length === 0) throw fieldError({ field: 'singleRate', message: 'Укажите ставку хотя бы для одной зоны.' });
  return auditedTransaction({ prisma, staff }, async (tx) => {
    const created: TariffRow[] = [];
    const closedBefore: TariffRow[] = [];
    const closedAfter: TariffRow[] = [];
    for (const zone of zones) {
      const rows = await tx.tariff.findMany({ where: { locality, stove, zone }, orderBy: { validFrom: 'asc' } });
      const sameDay = rows.find((r) => isoDate(r.validFrom) === validFrom);
      if (sameDay) {
        throw fieldError({
          field: 'validFrom',
          code: 'CONFLICT',
          message: `Период с ${formatDay(validFrom)} (${ZONE_LABELS[zone]}) уже есть: измените его ставку или выберите другую дату.`,
        });
      }
      const interrupted = rows.find((r) => isoDate(r.validFrom) < validFrom && (r.validTo === null || isoDate(r.validTo) > validFrom));
      const next = rows.find((r) => isoDate(r.validFrom) > validFrom);
      let validTo: string | null = next ? isoDate(next.validFrom) : null;
      if (interrupted) {
        validTo = interrupted.validTo ? isoDate(interrupted.validTo) : null;
        const used = await countPaymentsPricedBy({ db: tx, locality, stove, zone, validFrom, validTo });
        if (used.count > 0) {
          throw fieldError({
            field: 'validFrom',
            message: `За периоды ${used.firstPeriod}–${used.lastPeriod} уже оплачено по действующей ставке (${ZONE_LABELS[zone]}): ${used.count} опл. Новая версия может начаться не раньше 01.${addMonths(used.lastPeriod!, 1).slice(5, 7)}.${addMonths(used.lastPeriod!, 1).slice(0, 4)}.`,
          });
        }
        closedBefore.push(interrupted);
        closedAfter.push(await tx.tariff.update({ where: { id: interrupted.id }, data: { validTo: toDate(validFrom) } }));
      }
      created.push(
        await tx.tariff.create({
          data: { locality, stove, zone, rateCentikopecks: rates[zone]!, validFrom: toDate(validFrom), validTo: validTo ? toDate(validTo) : null },
        }),
      );
    }
    const view = (row: TariffRow): TariffView => ({ ...describe(row), isDemo: row.isDemo, status: statusOf(row, today), completedPayments: 0 });
    return {
      result: { created: created.map(view), closed: closedAfter.map(view) },
      audit: {
        action: 'tariff.createVersion',
        targetType: 'tariffCategory',
        targetId: `${locality}/${stove}`,
        before: { closed: closedBefore.map(describe) },
        after: { closed: closedAfter.map(describe), created: created.map(describe) },
        details: { validFrom, createdIds: created.map((r) => r.id) },
      },
    };
  }).catch(mapConcurrentOverlap('validFrom'));
};

/**
 * Changes one tariff period. The rate: unless completed payments were priced by it. The start:
 * only of a period that has not begun, to another future day; the period before it, when it ended
 * where this one began, follows. The end: only to a future day (or open), never over the next period.
 */
export const updateTariff = async ({
  prisma,
  staff,
  id,
  rateCentikopecks,
  validFrom,
  validTo,
  now,
}: {
  prisma: PrismaClient;
  staff: Staff;
  id: string;
  rateCentikopecks?: number;
  validFrom?: string;
  /** null = in force until further notice; undefined = unchanged. */
  validTo?: string | null;
  now?: Date;
}): Promise<TariffView> => {
  const today = omskToday(now);
  let movedField: 'validFrom' | 'validTo' = 'validTo';
  return auditedTransaction({ prisma, staff }, async (tx) => {
    const row = await tx.tariff.findUnique({ where: { id } });
    if (!row) throw actionError({ code: 'NOT_FOUND', message: 'Такого тарифа нет (возможно, его только что удалили).' });
    const current = describe(row);
    const newRate = rateCentikopecks ?? row.rateCentikopecks;
    const newFrom = validFrom ?? current.validFrom;
    const newTo = validTo === undefined ? current.validTo : validTo;

    if (newRate !== row.rateCentikopecks) {
      const used = await countPaymentsPricedBy({ db: tx, ...current });
      if (used.count > 0) {
        throw fieldError({
          field: 'rate',
          code: 'CONFLICT',
          message: `По этой ставке уже рассчитаны завершённые оплаты (${used.count}, периоды ${used.firstPeriod}–${used.lastPeriod}): её не меняют задним числом. Добавьте новую версию тарифа с нужной даты.`,
        });
      }
    }
    if (newFrom !== current.validFrom) {
      movedField = 'validFrom';
      if (current.validFrom <= today)
        throw fieldError({ field: 'validFrom', message: 'Тариф уже действует: его начало не переносят. Добавьте новую версию с нужной даты.' });
      if (newFrom <= today) throw fieldError({ field: 'validFrom', message: 'Начало можно перенести только на будущую дату (позже сегодняшней).' });
    }
    if (newTo !== current.validTo) {
      if (current.validTo !== null && current.validTo <= today)
        throw fieldError({ field: 'validTo', message: 'Этот период уже закончился: его конец не меняют.' });
      if (newTo !== null && newTo <= today)
        throw fieldError({ field: 'validTo', message: 'Конец можно назначить только на будущую дату (позже сегодняшней).' });
    }
    if (newTo !== null && newTo <= newFrom) throw fieldError({ field: 'validTo', message: 'Конец периода должен быть позже его начала.' });

    const others = await tx.tariff.findMany({
      where: { locality: row.locality, stove: row.stove, zone: row.zone, id: { not: row.id } },
      orderBy: { validFrom: 'asc' },
    });
    // The period that ended where this one began follows a moved start, as a new version set them up.
    const previous = newFrom !== current.validFrom ? others.find((o) => o.validTo && isoDate(o.validTo) === current.validFrom) : undefined;
    if (previous && newFrom <= isoDate(previous.validFrom)) {
      throw fieldError({
        field: 'validFrom',
        message: `Начало должно быть позже начала предыдущего периода (${formatDay(isoDate(previous.validFrom))}).`,
      });
    }
    const overlapping = others.find((o) => {
      if (o.id === previous?.id) return false;
      const from = isoDate(o.validFrom);
      const to = o.validTo ? isoDate(o.validTo) : null;
      return (newTo === null || from < newTo) && (to === null || to > newFrom);
    });
    if (overlapping) {
      const field = isoDate(overlapping.validFrom) < newFrom ? 'validFrom' : 'validTo';
      throw fieldError({
        field,
        code: 'CONFLICT',
        message: `Пересекается с периодом ${periodText(isoDate(overlapping.validFrom), overlapping.validTo ? isoDate(overlapping.validTo) : null)} (ставка ${formatRate(overlapping.rateCentikopecks)} ₽/кВт·ч). Периоды одного тарифа не пересекаются.`,
      });
    }

    // Each statement must leave no overlap (the constraint is checked row by row): a start moved
    // earlier shortens the previous period first; a start moved later moves this one first.
    const data = { rateCentikopecks: newRate, validFrom: toDate(newFrom), validTo: newTo ? toDate(newTo) : null };
    let previousAfter: TariffRow | undefined;
    let updated: TariffRow;
    if (previous && newFrom < current.validFrom) {
      previousAfter = await tx.tariff.update({ where: { id: previous.id }, data: { validTo: toDate(newFrom) } });
      updated = await tx.tariff.update({ where: { id }, data });
    } else {
      updated = await tx.tariff.update({ where: { id }, data });
      if (previous) previousAfter = await tx.tariff.update({ where: { id: previous.id }, data: { validTo: toDate(newFrom) } });
    }
    return {
      result: { ...describe(updated), isDemo: updated.isDemo, status: statusOf(updated, today), completedPayments: 0 },
      audit: {
        action: 'tariff.update',
        targetType: 'tariff',
        targetId: id,
        before: { tariff: current, ...(previous ? { previous: describe(previous) } : {}) },
        after: { tariff: describe(updated), ...(previousAfter ? { previous: describe(previousAfter) } : {}) },
      },
    };
  }).catch((error: unknown) => mapConcurrentOverlap(movedField)(error));
};

/**
 * Deletes a period that has not begun. The period that ended where it began takes over its time
 * (the undoing of a new version); a period already in force is changed by a new version instead.
 */
export const deleteTariff = async ({ prisma, staff, id, now }: { prisma: PrismaClient; staff: Staff; id: string; now?: Date }): Promise<{ id: string }> => {
  const today = omskToday(now);
  return auditedTransaction({ prisma, staff }, async (tx) => {
    const row = await tx.tariff.findUnique({ where: { id } });
    if (!row) throw actionError({ code: 'NOT_FOUND', message: 'Такого тарифа нет (возможно, его уже удалили).' });
    if (isoDate(row.validFrom) <= today) {
      throw actionError({
        message: 'Этот тариф уже действует или действовал: удалить можно только будущий. Чтобы сменить ставку, добавьте новую версию.',
      });
    }
    const previous = await tx.tariff.findFirst({ where: { locality: row.locality, stove: row.stove, zone: row.zone, validTo: row.validFrom } });
    await tx.tariff.delete({ where: { id } });
    const previousAfter = previous ? await tx.tariff.update({ where: { id: previous.id }, data: { validTo: row.validTo } }) : undefined;
    return {
      result: { id },
      audit: {
        action: 'tariff.delete',
        targetType: 'tariff',
        targetId: id,
        before: { tariff: describe(row), ...(previous ? { previous: describe(previous) } : {}) },
        after: previousAfter ? { previous: describe(previousAfter) } : undefined,
      },
    };
  }).catch(mapConcurrentOverlap('validFrom'));
};
