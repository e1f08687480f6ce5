// Districts, their settlements and the city's housing offices as admins manage them: the lists,
// creation and edits, and deletion only of rows no account uses (accounts hold on to them, and
// their numbers and tariffs follow from the district's kind and the settlement's kind).
import type { DistrictKind, Prisma, PrismaClient, SettlementKind } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { actionError, databaseViolation, fieldError } from './errors';

type Db = PrismaClient | Prisma.TransactionClient;
type Staff = Pick<StaffIdentity, 'email'>;

/** Villages and hamlets are rural: their accounts are billed on rural tariffs. */
export const isRuralSettlement = (kind: SettlementKind) => kind === 'VILLAGE' || kind === 'HAMLET';

const accounts = (n: number) =>
  `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'лицевой счёт' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'лицевых счёта' : 'лицевых счетов'}`;

const notFound = (what: string) => actionError({ code: 'NOT_FOUND', message: `${what} не найден (возможно, его только что удалили).` });

// ─── Districts ─────────────────────────────────────────────────────────────────────────────

export const listDistricts = async ({ prisma }: { prisma: Db }) =>
  (
    await prisma.district.findMany({
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      include: { _count: { select: { settlements: true, housingOffices: true, accounts: true } } },
    })
  ).map(({ _count, createdAt: _c, updatedAt: _u, ...district }) => ({
    ...district,
    settlementCount: _count.settlements,
    housingOfficeCount: _count.housingOffices,
    accountCount: _count.accounts,
  }));

export const getDistrict = async ({ prisma, id }: { prisma: Db; id: string }) => {
  const district = await prisma.district.findUnique({
    where: { id },
    include: {
      _count: { select: { accounts: true } },
      settlements: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], include: { _count: { select: { accounts: true } } } },
      housingOffices: { orderBy: { index: 'asc' }, include: { _count: { select: { accounts: true } } } },
    },
  });
  if (!district) throw notFound('Район');
  return {
    id: district.id,
    code: district.code,
    name: district.name,
    kind: district.kind,
    sortOrder: district.sortOrder,
    accountCount: district._count.accounts,
    settlements: district.settlements.map(({ _count, createdAt: _c, updatedAt: _u, ...s }) => ({ ...s, accountCount: _count.accounts })),
    housingOffices: district.housingOffices.map(({ _count, createdAt: _c, updatedAt: _u, ...o }) => ({ ...o, accountCount: _count.accounts })),
  };
};

const districtSnapshot = ({ id, code, name, kind, sortOrder }: { id: string; code: string; name: string; kind: DistrictKind; sortOrder: number }) => ({
  id,
  code,
  name,
  kind,
  sortOrder,
});

const codeTaken = (error: unknown): never => {
  if (databaseViolation(error, '23505', 'districts_code_key')) throw fieldError({ field: 'code', code: 'CONFLICT', message: 'Район с таким кодом уже есть.' });
  throw error;
};

export const createDistrict = async ({
  prisma,
  staff,
  code,
  name,
  kind,
  sortOrder,
}: {
  prisma: PrismaClient;
  staff: Staff;
  code: string;
  name: string;
  kind: DistrictKind;
  sortOrder: number;
}) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    if (await tx.district.findUnique({ where: { code } })) throw fieldError({ field: 'code', code: 'CONFLICT', message: 'Район с таким кодом уже есть.' });
    const district = await tx.district.create({ data: { code, name, kind, sortOrder } });
    return {
      result: districtSnapshot(district),
      audit: { action: 'district.create', targetType: 'district', targetId: district.id, after: districtSnapshot(district) },
    };
  }).catch(codeTaken);

/** The code is not editable: URLs and the seed key on it (a renamed code would be seeded again). */
export const updateDistrict = async ({
  prisma,
  staff,
  id,
  name,
  kind,
  sortOrder,
}: {
  prisma: PrismaClient;
  staff: Staff;
  id: string;
  name?: string;
  kind?: DistrictKind;
  sortOrder?: number;
}) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.district.findUnique({ where: { id }, include: { _count: { select: { accounts: true, housingOffices: true } } } });
    if (!before) throw notFound('Район');
    if (kind !== undefined && kind !== before.kind) {
      if (before._count.accounts > 0) {
        throw fieldError({
          field: 'kind',
          message: `Вид не меняют, пока в районе есть ${accounts(before._count.accounts)}: от вида зависит формат их номеров (город — индекс ЖЭО + счёт, район — 6 цифр).`,
        });
      }
      if (before._count.housingOffices > 0) throw fieldError({ field: 'kind', message: 'ЖЭО бывают только у города: сначала удалите ЖЭО этого района.' });
    }
    const district = await tx.district.update({
      where: { id },
      data: { ...(name !== undefined ? { name } : {}), ...(kind !== undefined ? { kind } : {}), ...(sortOrder !== undefined ? { sortOrder } : {}) },
    });
    return {
      result: districtSnapshot(district),
      audit: { action: 'district.update', targetType: 'district', targetId: id, before: districtSnapshot(before), after: districtSnapshot(district) },
    };
  });

export const deleteDistrict = async ({ prisma, staff, id }: { prisma: PrismaClient; staff: Staff; id: string }) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.district.findUnique({
      where: { id },
      include: { _count: { select: { accounts: true, settlements: true, housingOffices: true } } },
    });
    if (!before) throw notFound('Район');
    if (before._count.accounts > 0) throw actionError({ message: `Район не удалить: к нему относятся ${accounts(before._count.accounts)}.` });
    if (before._count.settlements > 0 || before._count.housingOffices > 0) {
      throw actionError({ message: 'Район не удалить, пока в нём есть населённые пункты или ЖЭО: сначала удалите их.' });
    }
    await tx.district.delete({ where: { id } });
    return { result: { id }, audit: { action: 'district.delete', targetType: 'district', targetId: id, before: districtSnapshot(before) } };
  });

// ─── Settlements ───────────────────────────────────────────────────────────────────────────

type SettlementFields = { name: string; kind: SettlementKind; isDistrictCentre: boolean; sortOrder: number };
const settlementSnapshot = (s: { id: string; districtId: string } & SettlementFields) => ({
  id: s.id,
  districtId: s.districtId,
  name: s.name,
  kind: s.kind,
  isDistrictCentre: s.isDistrictCentre,
  sortOrder: s.sortOrder,
});

const settlementNameTaken = (error: unknown): never => {
  if (databaseViolation(error, '23505', 'settlements_district_id_name_key'))
    throw fieldError({ field: 'name', code: 'CONFLICT', message: 'В этом районе уже есть пункт с таким названием.' });
  throw error;
};

/** A district has one centre: marking another one moves the mark (the previous centre is in the audit row). */
const takeCentreFrom = async (tx: Prisma.TransactionClient, districtId: string, exceptId?: string) => {
  const previous = await tx.settlement.findMany({ where: { districtId, isDistrictCentre: true, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (previous.length > 0) await tx.settlement.updateMany({ where: { id: { in: previous.map((s) => s.id) } }, data: { isDistrictCentre: false } });
  return previous.map(settlementSnapshot);
};

export const createSettlement = async ({
  prisma,
  staff,
  districtId,
  ...fields
}: { prisma: PrismaClient; staff: Staff; districtId: string } & SettlementFields) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const district = await tx.district.findUnique({ where: { id: districtId } });
    if (!district) throw fieldError({ field: 'districtId', code: 'NOT_FOUND', message: 'Такого района нет.' });
    if (await tx.settlement.findFirst({ where: { districtId, name: fields.name } }))
      throw fieldError({ field: 'name', code: 'CONFLICT', message: 'В этом районе уже есть пункт с таким названием.' });
    const formerCentre = fields.isDistrictCentre ? await takeCentreFrom(tx, districtId) : [];
    const settlement = await tx.settlement.create({ data: { districtId, ...fields } });
    return {
      result: settlementSnapshot(settlement),
      audit: {
        action: 'settlement.create',
        targetType: 'settlement',
        targetId: settlement.id,
        ...(formerCentre.length ? { before: { formerCentre } } : {}),
        after: settlementSnapshot(settlement),
      },
    };
  }).catch(settlementNameTaken);

export const updateSettlement = async ({ prisma, staff, id, ...fields }: { prisma: PrismaClient; staff: Staff; id: string } & Partial<SettlementFields>) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.settlement.findUnique({ where: { id }, include: { _count: { select: { accounts: true } } } });
    if (!before) throw notFound('Населённый пункт');
    if (fields.kind !== undefined && isRuralSettlement(fields.kind) !== isRuralSettlement(before.kind) && before._count.accounts > 0) {
      throw fieldError({
        field: 'kind',
        message: `Здесь ${accounts(before._count.accounts)} на ${isRuralSettlement(before.kind) ? 'сельском' : 'городском'} тарифе: вид пункта, меняющий тариф, не сменить, пока они здесь.`,
      });
    }
    if (
      fields.name !== undefined &&
      fields.name !== before.name &&
      (await tx.settlement.findFirst({ where: { districtId: before.districtId, name: fields.name, id: { not: id } } }))
    ) {
      throw fieldError({ field: 'name', code: 'CONFLICT', message: 'В этом районе уже есть пункт с таким названием.' });
    }
    const formerCentre = fields.isDistrictCentre && !before.isDistrictCentre ? await takeCentreFrom(tx, before.districtId, id) : [];
    const settlement = await tx.settlement.update({ where: { id }, data: fields });
    return {
      result: settlementSnapshot(settlement),
      audit: {
        action: 'settlement.update',
        targetType: 'settlement',
        targetId: id,
        before: { ...settlementSnapshot(before), ...(formerCentre.length ? { formerCentre } : {}) },
        after: settlementSnapshot(settlement),
      },
    };
  }).catch(settlementNameTaken);

export const deleteSettlement = async ({ prisma, staff, id }: { prisma: PrismaClient; staff: Staff; id: string }) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.settlement.findUnique({ where: { id }, include: { _count: { select: { accounts: true } } } });
    if (!before) throw notFound('Населённый пункт');
    if (before._count.accounts > 0) throw actionError({ message: `«${before.name}» не удалить: здесь ${accounts(before._count.accounts)}.` });
    await tx.settlement.delete({ where: { id } });
    return { result: { id }, audit: { action: 'settlement.delete', targetType: 'settlement', targetId: id, before: settlementSnapshot(before) } };
  });

// ─── Housing offices ───────────────────────────────────────────────────────────────────────

const officeSnapshot = (o: { id: string; districtId: string; index: string; name: string; isDemo: boolean }) => ({
  id: o.id,
  districtId: o.districtId,
  index: o.index,
  name: o.name,
  isDemo: o.isDemo,
});

const indexTaken = (error: unknown): never => {
  if (databaseViolation(error, '23505', 'housing_offices_index_key'))
    throw fieldError({ field: 'index', code: 'CONFLICT', message: 'ЖЭО с таким индексом уже есть.' });
  throw error;
};

const requireCity = async (tx: Prisma.TransactionClient, districtId: string) => {
  const district = await tx.district.findUnique({ where: { id: districtId } });
  if (!district) throw fieldError({ field: 'districtId', code: 'NOT_FOUND', message: 'Такого района нет.' });
  if (district.kind !== 'CITY')
    throw fieldError({ field: 'districtId', message: 'ЖЭО бывают только у города: номера районных счетов не начинаются с индекса ЖЭО.' });
};

export const createHousingOffice = async ({
  prisma,
  staff,
  districtId,
  index,
  name,
}: {
  prisma: PrismaClient;
  staff: Staff;
  districtId: string;
  index: string;
  name: string;
}) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    await requireCity(tx, districtId);
    if (await tx.housingOffice.findUnique({ where: { index } }))
      throw fieldError({ field: 'index', code: 'CONFLICT', message: 'ЖЭО с таким индексом уже есть.' });
    const office = await tx.housingOffice.create({ data: { districtId, index, name } });
    return {
      result: officeSnapshot(office),
      audit: { action: 'housingOffice.create', targetType: 'housingOffice', targetId: office.id, after: officeSnapshot(office) },
    };
  }).catch(indexTaken);

export const updateHousingOffice = async ({
  prisma,
  staff,
  id,
  index,
  name,
}: {
  prisma: PrismaClient;
  staff: Staff;
  id: string;
  index?: string;
  name?: string;
}) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.housingOffice.findUnique({ where: { id }, include: { _count: { select: { accounts: true } } } });
    if (!before) throw notFound('ЖЭО');
    if (index !== undefined && index !== before.index) {
      if (before._count.accounts > 0) {
        throw fieldError({ field: 'index', message: `Индекс не сменить: к ЖЭО относятся ${accounts(before._count.accounts)}, и их номера начинаются с него.` });
      }
      if (await tx.housingOffice.findUnique({ where: { index } }))
        throw fieldError({ field: 'index', code: 'CONFLICT', message: 'ЖЭО с таким индексом уже есть.' });
    }
    const office = await tx.housingOffice.update({
      where: { id },
      data: { ...(index !== undefined ? { index } : {}), ...(name !== undefined ? { name } : {}) },
    });
    return {
      result: officeSnapshot(office),
      audit: { action: 'housingOffice.update', targetType: 'housingOffice', targetId: id, before: officeSnapshot(before), after: officeSnapshot(office) },
    };
  }).catch(indexTaken);

export const deleteHousingOffice = async ({ prisma, staff, id }: { prisma: PrismaClient; staff: Staff; id: string }) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.housingOffice.findUnique({ where: { id }, include: { _count: { select: { accounts: true } } } });
    if (!before) throw notFound('ЖЭО');
    if (before._count.accounts > 0) throw actionError({ message: `ЖЭО ${before.index} не удалить: к нему относятся ${accounts(before._count.accounts)}.` });
    await tx.housingOffice.delete({ where: { id } });
    return { result: { id }, audit: { action: 'housingOffice.delete', targetType: 'housingOffice', targetId: id, before: officeSnapshot(before) } };
  });
