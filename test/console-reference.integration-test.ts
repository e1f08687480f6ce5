// The console's reference data through its tRPC procedures, as an admin, on a database of its own
// (migrated and seeded here, so tariff changes cannot re-price another test's payments): tariff
// periods never overlap (the check, and the database when two admins race), a new version ends
// the period it interrupts, a rate payments used stays as it is, districts/settlements/offices
// validate their fields and refuse deletion while accounts use them, and every change is audited.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { PrismaClient } from '@voltpay/prisma';
import { seedAll } from '@voltpay/prisma/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError, z } from 'zod';
import { createMigratedDatabase } from './support/databases';
import { createStaffUser, staffCaller, type StaffIdentity } from './support/staff';

let prisma: PrismaClient;
let drop: (() => Promise<void>) | undefined;
let admin: StaffIdentity;
let caller: ReturnType<typeof staffCaller>;

// Future periods are counted from today, so the test means the same in any year; the seeded
// periods (from 2025-07-01 and 2026-07-01) are fixed.
const Y = new Date().getUTCFullYear() + 2;

beforeAll(async () => {
  ({ prisma, drop } = await createMigratedDatabase({ prefix: 'voltpay_console_reference' }));
  await seedAll(prisma, { demo: true });
  admin = await createStaffUser({ prisma, roles: ['admin'] });
  caller = staffCaller({ prisma, staff: admin });
});

afterAll(async () => {
  await drop?.();
});

type Refusal = { code: TRPCError['code']; message: string; fieldErrors: Record<string, string[] | undefined> };

/** The refusal a form would show: the tRPC code and, field by field, the messages. */
const refusal = async (call: Promise<unknown>): Promise<Refusal> => {
  const error = await call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const fieldErrors = error.cause instanceof ZodError ? (z.flattenError(error.cause).fieldErrors as Record<string, string[] | undefined>) : {};
  return { code: error.code, message: error.message, fieldErrors };
};

const rowsOf = (locality: 'URBAN' | 'RURAL', stove: 'GAS' | 'ELECTRIC', zone: 'SINGLE' | 'DAY' | 'NIGHT') =>
  prisma.tariff.findMany({ where: { locality, stove, zone }, orderBy: { validFrom: 'asc' } }).then((rows) =>
    rows.map((r) => ({
      id: r.id,
      from: r.validFrom.toISOString().slice(0, 10),
      to: r.validTo?.toISOString().slice(0, 10) ?? null,
      rate: r.rateCentikopecks,
    })),
  );

const lastAudit = (action: string) => prisma.auditLog.findFirstOrThrow({ where: { action, actorId: admin.email }, orderBy: { createdAt: 'desc' } });

describe('tariff periods', () => {
  it('a new version from a date ends the open-ended period there, in one audited transaction', async () => {
    const result = await caller.tariffs.createTariffVersion({
      locality: 'URBAN',
      stove: 'GAS',
      validFrom: `${Y}-07-01`,
      singleRate: '7,1234',
      dayRate: '',
      nightRate: '',
    });
    expect(result.created).toMatchObject([{ zone: 'SINGLE', validFrom: `${Y}-07-01`, validTo: null, rateCentikopecks: 71234, status: 'FUTURE' }]);
    expect(result.closed).toMatchObject([{ zone: 'SINGLE', validFrom: '2026-07-01', validTo: `${Y}-07-01` }]);
    expect(await rowsOf('URBAN', 'GAS', 'SINGLE')).toEqual([
      expect.objectContaining({ from: '2025-07-01', to: '2026-07-01', rate: 58712 }),
      expect.objectContaining({ from: '2026-07-01', to: `${Y}-07-01`, rate: 65699 }),
      expect.objectContaining({ from: `${Y}-07-01`, to: null, rate: 71234 }),
    ]);
    // Zones left empty keep their period running.
    expect((await rowsOf('URBAN', 'GAS', 'DAY')).at(-1)).toMatchObject({ from: '2026-07-01', to: null });

    const audit = await lastAudit('tariff.createVersion');
    expect(audit).toMatchObject({ actorType: 'STAFF', targetType: 'tariffCategory', targetId: 'URBAN/GAS' });
    expect(audit.before).toMatchObject({ closed: [{ zone: 'SINGLE', validFrom: '2026-07-01', validTo: null }] });
    expect(audit.after).toMatchObject({
      closed: [{ zone: 'SINGLE', validFrom: '2026-07-01', validTo: `${Y}-07-01` }],
      created: [{ zone: 'SINGLE', validFrom: `${Y}-07-01`, validTo: null, rateCentikopecks: 71234 }],
    });
  });

  it('a version inside a closed period splits it: the new one runs to where the old one ended', async () => {
    await caller.tariffs.createTariffVersion({ locality: 'URBAN', stove: 'GAS', validFrom: `${Y}-01-01`, singleRate: '6,80', dayRate: '', nightRate: '' });
    expect(await rowsOf('URBAN', 'GAS', 'SINGLE')).toEqual([
      expect.objectContaining({ from: '2025-07-01', to: '2026-07-01' }),
      expect.objectContaining({ from: '2026-07-01', to: `${Y}-01-01`, rate: 65699 }),
      expect.objectContaining({ from: `${Y}-01-01`, to: `${Y}-07-01`, rate: 68000 }),
      expect.objectContaining({ from: `${Y}-07-01`, to: null }),
    ]);
  });

  it('refuses an overlap before writing: the same start, or an end over the next period', async () => {
    const sameDay = await refusal(
      caller.tariffs.createTariffVersion({ locality: 'URBAN', stove: 'GAS', validFrom: `${Y}-07-01`, singleRate: '8', dayRate: '', nightRate: '' }),
    );
    expect(sameDay.code).toBe('CONFLICT');
    expect(sameDay.fieldErrors.validFrom?.[0]).toMatch(new RegExp(`01\\.07\\.${Y}.*уже есть`));

    const january = (await rowsOf('URBAN', 'GAS', 'SINGLE')).find((r) => r.from === `${Y}-01-01`)!;
    const over = await refusal(caller.tariffs.updateTariff({ id: january.id, validTo: `${Y}-09-01` }));
    expect(over.code).toBe('CONFLICT');
    expect(over.fieldErrors.validTo?.[0]).toMatch(new RegExp(`Пересекается с периодом с 01\\.07\\.${Y}`));

    const backwards = await refusal(caller.tariffs.updateTariff({ id: january.id, validTo: `${Y - 1}-12-01` }));
    expect(backwards.fieldErrors.validTo?.[0]).toMatch(/позже его начала/);
    // Nothing changed, and a refused change leaves no audit row.
    expect((await rowsOf('URBAN', 'GAS', 'SINGLE')).find((r) => r.id === january.id)).toMatchObject({ to: `${Y}-07-01` });
    expect(await prisma.auditLog.count({ where: { action: 'tariff.update', targetId: january.id } })).toBe(0);
  });

  it('and the database refuses it when two admins race past each other’s check', async () => {
    const [open] = (await rowsOf('URBAN', 'GAS', 'NIGHT')).filter((r) => r.to === null);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Admin A, straight on the database: ends the open period on 1 May (year Y + 1) and starts one there,
    // but holds the transaction open until admin B's save is waiting on it.
    const adminA = prisma.$transaction(
      async (tx) => {
        await tx.tariff.update({ where: { id: open!.id }, data: { validTo: new Date(`${Y + 1}-05-01T00:00:00Z`) } });
        await tx.tariff.create({
          data: { locality: 'URBAN', stove: 'GAS', zone: 'NIGHT', rateCentikopecks: 40000, validFrom: new Date(`${Y + 1}-05-01T00:00:00Z`) },
        });
        await released;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    // Admin B's check sees A's work not yet committed: the open period, which it ends on 1 March.
    const adminB = refusal(
      caller.tariffs.createTariffVersion({ locality: 'URBAN', stove: 'GAS', validFrom: `${Y + 1}-03-01`, singleRate: '', dayRate: '', nightRate: '4' }),
    );

    const until = Date.now() + 30_000;
    for (;;) {
      const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if ((row?.waiting ?? 0) > 0) break;
      if (Date.now() > until) throw new Error('admin B never waited on admin A');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await adminA;

    const refused = await adminB;
    expect(refused.code).toBe('CONFLICT');
    expect(refused.fieldErrors.validFrom?.[0]).toMatch(/пересекается с другим периодом.*только что сохранил кто-то ещё/);
    // A's periods stand; B's transaction left nothing behind, its audit row included.
    expect(await rowsOf('URBAN', 'GAS', 'NIGHT')).toEqual([
      expect.objectContaining({ from: '2025-07-01', to: '2026-07-01' }),
      expect.objectContaining({ from: '2026-07-01', to: `${Y + 1}-05-01` }),
      expect.objectContaining({ from: `${Y + 1}-05-01`, to: null, rate: 40000 }),
    ]);
    expect(await prisma.auditLog.count({ where: { action: 'tariff.createVersion', details: { path: ['validFrom'], equals: `${Y + 1}-03-01` } } })).toBe(0);
  });

  it('keeps the rate payments used: no edit, no version over paid months; a new version after them is the way', async () => {
    const account = await prisma.account.findFirstOrThrow({ where: { number: '200002' } }); // URBAN, GAS, day/night
    const paymentId = randomUUID();
    await prisma.payment.create({
      data: {
        id: paymentId,
        workflowId: `payment-${paymentId}`,
        accountId: account.id,
        period: '2026-08',
        status: 'COMPLETED',
        totalKopecks: 10_000,
        termsVersion: '2026-11-01',
        termsAcceptedAt: new Date(),
        revision: 1,
        completedAt: new Date(),
        lines: { create: [{ kind: 'ELECTRICITY', amountKopecks: 10_000, kwh: 150, position: 0 }] },
      },
    });
    const [, used] = await rowsOf('URBAN', 'GAS', 'DAY');
    expect(used).toMatchObject({ from: '2026-07-01', to: null });

    const listed = (await caller.tariffs.listTariffs()).tariffs.find((t) => t.id === used!.id);
    expect(listed).toMatchObject({ completedPayments: 1, status: 'CURRENT' });

    const edit = await refusal(caller.tariffs.updateTariff({ id: used!.id, rate: '9,99' }));
    expect(edit.code).toBe('CONFLICT');
    expect(edit.fieldErrors.rate?.[0]).toMatch(/завершённые оплаты \(1, периоды 2026-08–2026-08\).*новую версию/);

    const overPaid = await refusal(
      caller.tariffs.createTariffVersion({ locality: 'URBAN', stove: 'GAS', validFrom: '2026-08-01', singleRate: '', dayRate: '8,1', nightRate: '' }),
    );
    expect(overPaid.fieldErrors.validFrom?.[0]).toMatch(/не раньше 01\.09\.2026/);

    await caller.tariffs.createTariffVersion({ locality: 'URBAN', stove: 'GAS', validFrom: '2026-09-01', singleRate: '', dayRate: '8,1', nightRate: '' });
    expect(await rowsOf('URBAN', 'GAS', 'DAY')).toEqual([
      expect.objectContaining({ from: '2025-07-01' }),
      expect.objectContaining({ from: '2026-07-01', to: '2026-09-01', rate: used!.rate }),
      expect.objectContaining({ from: '2026-09-01', to: null, rate: 81000 }),
    ]);

    // A period nobody paid by may still have its rate corrected, with before and after audited.
    const [unused] = await rowsOf('RURAL', 'ELECTRIC', 'DAY');
    await caller.tariffs.updateTariff({ id: unused!.id, rate: '4,7345' });
    const audit = await lastAudit('tariff.update');
    expect(audit.targetId).toBe(unused!.id);
    expect(audit.before).toMatchObject({ tariff: { rateCentikopecks: unused!.rate } });
    expect(audit.after).toMatchObject({ tariff: { rateCentikopecks: 47345 } });
  });

  it('moves and deletes only future periods, the period before following along', async () => {
    const future = (await rowsOf('URBAN', 'GAS', 'SINGLE')).find((r) => r.from === `${Y}-07-01`)!;
    await caller.tariffs.updateTariff({ id: future.id, validFrom: `${Y}-08-01` });
    expect((await rowsOf('URBAN', 'GAS', 'SINGLE')).slice(-2)).toEqual([
      expect.objectContaining({ from: `${Y}-01-01`, to: `${Y}-08-01` }),
      expect.objectContaining({ from: `${Y}-08-01`, to: null }),
    ]);

    const current = (await rowsOf('URBAN', 'GAS', 'SINGLE')).find((r) => r.from === '2026-07-01')!;
    expect((await refusal(caller.tariffs.updateTariff({ id: current.id, validFrom: '2026-08-01' }))).fieldErrors.validFrom?.[0]).toMatch(/уже действует/);
    const deleteCurrent = await refusal(caller.tariffs.deleteTariff({ id: current.id }));
    expect(deleteCurrent.code).toBe('CONFLICT');
    expect(deleteCurrent.message).toMatch(/только будущий/);

    await caller.tariffs.deleteTariff({ id: future.id });
    expect((await rowsOf('URBAN', 'GAS', 'SINGLE')).at(-1)).toMatchObject({ from: `${Y}-01-01`, to: null });
    const audit = await lastAudit('tariff.delete');
    expect(audit.before).toMatchObject({ tariff: { id: future.id, validFrom: `${Y}-08-01` }, previous: { validTo: `${Y}-08-01` } });
    expect(audit.after).toMatchObject({ previous: { validFrom: `${Y}-01-01`, validTo: null } });
  });

  it('reads typed rates exactly and refuses the rest on the field', async () => {
    const bad = await refusal(
      caller.tariffs.createTariffVersion({ locality: 'RURAL', stove: 'GAS', validFrom: '2029-01-01', singleRate: '5,12345', dayRate: 'abc', nightRate: '' }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors.singleRate?.[0]).toMatch(/4 знаков/);
    expect(bad.fieldErrors.dayRate?.[0]).toMatch(/₽ за кВт·ч/);
    const none = await refusal(
      caller.tariffs.createTariffVersion({ locality: 'RURAL', stove: 'GAS', validFrom: '2029-01-01', singleRate: '', dayRate: '', nightRate: '' }),
    );
    expect(none.fieldErrors.singleRate?.[0]).toMatch(/хотя бы для одной зоны/);
  });
});

describe('districts, settlements and housing offices', () => {
  it('create and edit with field errors, audited', async () => {
    const badCode = await refusal(caller.districts.createDistrict({ code: 'Новый', name: 'Новый', kind: 'REGION_DISTRICT', sortOrder: 40 }));
    expect(badCode.code).toBe('BAD_REQUEST');
    expect(badCode.fieldErrors.code?.[0]).toMatch(/латиница/);
    const taken = await refusal(caller.districts.createDistrict({ code: 'azovsky', name: 'Ещё один', kind: 'REGION_DISTRICT', sortOrder: 40 }));
    expect(taken).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['Район с таким кодом уже есть.'] } });

    const district = await caller.districts.createDistrict({ code: 'test-district', name: ' Тестовый ', kind: 'REGION_DISTRICT', sortOrder: 40 });
    expect(district.name).toBe('Тестовый');
    expect((await lastAudit('district.create')).after).toMatchObject({ code: 'test-district', name: 'Тестовый' });

    const centre = await caller.districts.createSettlement({ districtId: district.id, name: 'Первое', kind: 'VILLAGE', isDistrictCentre: true, sortOrder: 0 });
    const second = await caller.districts.createSettlement({ districtId: district.id, name: 'Второе', kind: 'TOWN', isDistrictCentre: false, sortOrder: 1 });
    const dupe = await refusal(
      caller.districts.createSettlement({ districtId: district.id, name: 'Первое', kind: 'VILLAGE', isDistrictCentre: false, sortOrder: 2 }),
    );
    expect(dupe.fieldErrors.name?.[0]).toMatch(/уже есть пункт/);

    // One centre per district: marking another moves the mark, and the audit row says from where.
    await caller.districts.updateSettlement({ id: second.id, isDistrictCentre: true });
    const settlements = (await caller.districts.getDistrict({ id: district.id })).settlements;
    expect(settlements.map((s) => [s.name, s.isDistrictCentre])).toEqual([
      ['Первое', false],
      ['Второе', true],
    ]);
    expect((await lastAudit('settlement.update')).before).toMatchObject({ isDistrictCentre: false, formerCentre: [{ id: centre.id, isDistrictCentre: true }] });

    await caller.districts.updateDistrict({ id: district.id, name: 'Тестовый 2', sortOrder: 41 });
    expect(await lastAudit('district.update')).toMatchObject({ before: { name: 'Тестовый', sortOrder: 40 }, after: { name: 'Тестовый 2', sortOrder: 41 } });

    // Unused rows go; the district last, once it is empty.
    expect((await refusal(caller.districts.deleteDistrict({ id: district.id }))).message).toMatch(/сначала удалите/);
    await caller.districts.deleteSettlement({ id: centre.id });
    await caller.districts.deleteSettlement({ id: second.id });
    await caller.districts.deleteDistrict({ id: district.id });
    expect((await lastAudit('district.delete')).before).toMatchObject({ code: 'test-district' });
  });

  it('housing offices: exactly 4 digits, unique, only in the city', async () => {
    const city = await prisma.district.findUniqueOrThrow({ where: { code: 'omsk' } });
    const region = await prisma.district.findUniqueOrThrow({ where: { code: 'tarsky' } });
    expect((await refusal(caller.districts.createHousingOffice({ districtId: city.id, index: '12a', name: 'ЖЭО' }))).fieldErrors.index?.[0]).toMatch(
      /ровно 4 цифры/,
    );
    expect((await refusal(caller.districts.createHousingOffice({ districtId: city.id, index: '12345', name: 'ЖЭО' }))).fieldErrors.index?.[0]).toMatch(
      /ровно 4 цифры/,
    );
    expect(await refusal(caller.districts.createHousingOffice({ districtId: city.id, index: '9999', name: 'ЖЭО' }))).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { index: ['ЖЭО с таким индексом уже есть.'] },
    });
    expect((await refusal(caller.districts.createHousingOffice({ districtId: region.id, index: '0420', name: 'ЖЭО' }))).fieldErrors.districtId?.[0]).toMatch(
      /только у города/,
    );

    const office = await caller.districts.createHousingOffice({ districtId: city.id, index: '0420', name: 'ЖЭО № 0420' });
    expect(office).toMatchObject({ index: '0420', isDemo: false });
    await caller.districts.updateHousingOffice({ id: office.id, index: '0421' });
    expect(await lastAudit('housingOffice.update')).toMatchObject({ before: { index: '0420' }, after: { index: '0421' } });
    await caller.districts.deleteHousingOffice({ id: office.id });
    expect(await prisma.housingOffice.findUnique({ where: { id: office.id } })).toBeNull();
  });

  it('refuses to delete or reshape what accounts use, and says why', async () => {
    const city = await prisma.district.findUniqueOrThrow({ where: { code: 'omsk' } });
    const azovsky = await prisma.district.findUniqueOrThrow({ where: { code: 'azovsky' }, include: { settlements: true } });
    const azovo = azovsky.settlements.find((s) => s.name === 'Азово')!;
    const office9999 = await prisma.housingOffice.findUniqueOrThrow({ where: { index: '9999' } });

    const deleteDistrict = await refusal(caller.districts.deleteDistrict({ id: azovsky.id }));
    expect(deleteDistrict).toMatchObject({ code: 'CONFLICT' });
    expect(deleteDistrict.message).toMatch(/относятся 1 лицевой счёт/);
    expect((await refusal(caller.districts.deleteSettlement({ id: azovo.id }))).message).toMatch(/«Азово» не удалить: здесь 1 лицевой счёт/);
    expect((await refusal(caller.districts.deleteHousingOffice({ id: office9999.id }))).message).toMatch(/ЖЭО 9999 не удалить/);

    expect((await refusal(caller.districts.updateDistrict({ id: city.id, kind: 'REGION_DISTRICT' }))).fieldErrors.kind?.[0]).toMatch(/формат их номеров/);
    expect((await refusal(caller.districts.updateSettlement({ id: azovo.id, kind: 'TOWN' }))).fieldErrors.kind?.[0]).toMatch(/сельском тарифе/);
    // A change that keeps the tariff (village → hamlet) is fine.
    await caller.districts.updateSettlement({ id: azovo.id, kind: 'HAMLET' });
    await caller.districts.updateSettlement({ id: azovo.id, kind: 'VILLAGE' });
    expect((await refusal(caller.districts.updateHousingOffice({ id: office9999.id, index: '9990' }))).fieldErrors.index?.[0]).toMatch(
      /номера начинаются с него/,
    );
  });
});

describe('demo accounts', () => {
  it('numbers follow the district kind; the locality follows the settlement; billing accounts are read-only', async () => {
    const city = await prisma.district.findUniqueOrThrow({ where: { code: 'omsk' }, include: { settlements: true } });
    const tarsky = await prisma.district.findUniqueOrThrow({ where: { code: 'tarsky' }, include: { settlements: true } });
    const omsk = city.settlements[0]!;
    const village = tarsky.settlements.find((s) => s.kind === 'VILLAGE')!;
    const base = { street: 'ул. Демо', house: '1', flat: '', tariffPlan: 'SINGLE_RATE' as const, stove: 'GAS' as const, meterCapacity: 99999 };

    expect(
      (await refusal(caller.accounts.createDemoAccount({ ...base, districtId: city.id, settlementId: omsk.id, number: '12345678' }))).fieldErrors.number?.[0],
    ).toMatch(/ЖЭО с индексом 1234 нет/);
    expect(
      (await refusal(caller.accounts.createDemoAccount({ ...base, districtId: tarsky.id, settlementId: village.id, number: '12345' }))).fieldErrors.number?.[0],
    ).toMatch(/ровно 6 цифр/);
    expect(
      (await refusal(caller.accounts.createDemoAccount({ ...base, districtId: tarsky.id, settlementId: omsk.id, number: '123456' }))).fieldErrors
        .settlementId?.[0],
    ).toMatch(/этого района/);

    const created = await caller.accounts.createDemoAccount({ ...base, districtId: tarsky.id, settlementId: village.id, number: '654 321' });
    const account = await caller.accounts.getAccount({ id: created.id });
    expect(account).toMatchObject({ number: '654321', locality: 'RURAL', isDemo: true, flat: null, housingOfficeIndex: null });
    expect((await lastAudit('account.createDemo')).after).toMatchObject({ number: '654321', locality: 'RURAL', isDemo: true });
    expect(
      (await refusal(caller.accounts.createDemoAccount({ ...base, districtId: tarsky.id, settlementId: village.id, number: '654321' }))).fieldErrors
        .number?.[0],
    ).toMatch(/уже есть счёт/);

    const cityAccount = await caller.accounts.createDemoAccount({ ...base, districtId: city.id, settlementId: omsk.id, number: '9999-000-42' });
    expect(await caller.accounts.getAccount({ id: cityAccount.id })).toMatchObject({ number: '999900042', housingOfficeIndex: '9999', locality: 'URBAN' });

    const badAmount = await refusal(
      caller.accounts.setDemoAccountPeriod({ accountId: created.id, period: '2026-10', commonArea: '1 234,567', penalty: '', electricity: '', debt: '-5' }),
    );
    expect(Object.keys(badAmount.fieldErrors).sort()).toEqual(['commonArea', 'debt']);
    await caller.accounts.setDemoAccountPeriod({ accountId: created.id, period: '2026-10', commonArea: '1 234,56', penalty: '', electricity: '', debt: '500' });
    await caller.accounts.setDemoAccountPeriod({ accountId: created.id, period: '2026-10', commonArea: '', penalty: '10', electricity: '', debt: '500' });
    expect((await caller.accounts.getAccount({ id: created.id })).periods).toEqual([
      { period: '2026-10', commonAreaKopecks: null, penaltyKopecks: 1000, electricityKopecks: null, debtKopecks: 50000 },
    ]);
    expect(await lastAudit('account.setPeriod')).toMatchObject({
      before: { commonAreaKopecks: 123456, penaltyKopecks: null, debtKopecks: 50000 },
      after: { commonAreaKopecks: null, penaltyKopecks: 1000, debtKopecks: 50000 },
    });

    const billing = await prisma.account.create({
      data: {
        districtId: tarsky.id,
        settlementId: village.id,
        number: '777777',
        street: 'ул. Реальная',
        house: '2',
        tariffPlan: 'SINGLE_RATE',
        stove: 'GAS',
        locality: 'RURAL',
      },
    });
    const readOnly = await refusal(
      caller.accounts.updateDemoAccount({ ...base, id: billing.id, districtId: tarsky.id, settlementId: village.id, number: '777777' }),
    );
    expect(readOnly.code).toBe('FORBIDDEN');
    expect(readOnly.message).toMatch(/биллинг/);
    expect(
      (
        await refusal(
          caller.accounts.setDemoAccountPeriod({ accountId: billing.id, period: '2026-10', commonArea: '1', penalty: '', electricity: '', debt: '' }),
        )
      ).code,
    ).toBe('FORBIDDEN');

    const found = await caller.accounts.findAccounts({ query: '777777' });
    expect(found.items).toMatchObject([{ number: '777777', isDemo: false }]);
    expect((await caller.accounts.findAccounts({ demo: 'demo', query: 'Демо' })).items.map((a) => a.number).sort()).toEqual(['654321', '999900042']);
  });
});
