// Finding a resident's account from what they typed, and what of it they may see.
import type { PrismaClient } from '@voltpay/prisma';
import { maskAddress } from '@voltpay/domain/address';
import { validateAccountNumber, normalizeAccountNumber } from '@voltpay/domain/account-number';
import { selectablePeriods } from '@voltpay/domain/period';
import type { AccountLookup } from '@voltpay/workflows/payment';
import type { AccountRef, AccountView } from '@voltpay/domain';

/** A well-formed id no row has, for the look-ups of a part already known to be wrong. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

export const findAccount = async ({
  prisma,
  ref,
  demoMode,
  now = new Date(),
}: {
  prisma: PrismaClient;
  ref: AccountRef;
  /** Off: demo accounts are not there (no one pays into a made-up account on a real site). */
  demoMode: boolean;
  now?: Date;
}): Promise<AccountLookup> => {
  const district = await prisma.district.findUnique({ where: { code: ref.districtCode } });
  if (!district) return { found: false, reason: 'DISTRICT_NOT_FOUND' };
  const shape = validateAccountNumber({ districtKind: district.kind, number: normalizeAccountNumber(ref.accountNumber) });
  if (!shape.ok) return { found: false, reason: 'NUMBER_FORMAT', code: shape.code };

  // Every well-formed look-up runs the same queries, whichever part turns out wrong: an unknown
  // office or settlement and an unknown account are one answer to the resident (ACCOUNT_NOT_FOUND),
  // and must not be told apart by how soon it comes. A part that is wrong is looked up as NO_ID.
  let where: { settlementId: string } | { housingOfficeId: string };
  let placeMissing: 'HOUSING_OFFICE_NOT_FOUND' | 'SETTLEMENT_NOT_FOUND' | null = null;
  if (district.kind === 'CITY') {
    const office = await prisma.housingOffice.findUnique({ where: { index: shape.housingOfficeIndex! } });
    const officeOk = office !== null && office.districtId === district.id;
    if (!officeOk) placeMissing = 'HOUSING_OFFICE_NOT_FOUND';
    where = { housingOfficeId: officeOk ? office.id : NO_ID };
  } else {
    const settlementId = ref.settlementId && /^[0-9a-f-]{36}$/i.test(ref.settlementId) ? ref.settlementId : NO_ID;
    const settlement = await prisma.settlement.findUnique({ where: { id: settlementId } });
    const settlementOk = settlement !== null && settlement.districtId === district.id;
    if (!settlementOk) placeMissing = 'SETTLEMENT_NOT_FOUND';
    where = { settlementId: settlementOk ? settlement.id : NO_ID };
  }
  const account = await prisma.account.findFirst({
    where: { ...where, districtId: district.id, number: shape.number },
    include: { settlement: true },
  });
  if (placeMissing) return { found: false, reason: placeMissing };
  if (!account || (account.isDemo && !demoMode)) return { found: false, reason: 'ACCOUNT_NOT_FOUND' };

  const periods = selectablePeriods(now.toISOString());
  const debts = await prisma.debt.findMany({ where: { accountId: account.id, period: { in: periods } } });
  const debtOf = new Map(debts.map((d) => [d.period, d.amountKopecks]));
  const view: AccountView = {
    accountId: account.id,
    number: account.number,
    districtCode: district.code,
    districtName: district.name,
    districtKind: district.kind,
    settlementName: account.settlement.name,
    maskedAddress: maskAddress(account),
    tariffPlan: account.tariffPlan,
    stove: account.stove,
    locality: account.locality,
    meterCapacity: account.meterCapacity,
  };
  return { found: true, account: view, periods: periods.map((period) => ({ period, debtKopecks: debtOf.get(period) ?? 0 })) };
};
