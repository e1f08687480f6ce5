// What the audit trail's targets are called today: "Претензия № 12", "Тариф «Город, газовая плита»,
// день, с 01.01.2027", a payment by its receipt — one query per kind of target on the page, not
// one per row. A target whose row is gone keeps its kind and id.
import type { PrismaClient } from '@voltpay/prisma';
import { omskDateTime, roubles } from '~/components/payments/format';
import { formatDay, ZONE_LABELS } from '../reference/labels';
import { AUDIT_TARGET_LABELS, tariffCategoryName } from './words';

export type TargetName = { label: string; href?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const targetKey = (targetType: string, targetId: string) => `${targetType}:${targetId}`;

/** A target by its kind and id alone (its row is gone, or it has no row). */
export const plainTargetName = (targetType: string, targetId: string): TargetName =>
  targetId === '*'
    ? { label: `${AUDIT_TARGET_LABELS[targetType] ?? targetType}: всё, что нашёл отбор` }
    : targetType === 'tariffCategory'
      ? { label: `Тарифы ${tariffCategoryName(targetId)}`, href: '/tariffs' }
      : targetType === 'receipt'
        ? { label: `Квитанция № ${targetId}` }
        : { label: `${AUDIT_TARGET_LABELS[targetType] ?? targetType} ${targetId}` };

export const nameTargets = async (prisma: PrismaClient, entries: readonly { targetType: string; targetId: string }[]): Promise<Map<string, TargetName>> => {
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.targetType === type && UUID.test(e.targetId)).map((e) => e.targetId))];
  const names = new Map<string, TargetName>();
  const none = Promise.resolve([]);
  const [claims, payments, tariffs, districts, settlements, offices, accounts, staff] = await Promise.all([
    idsOf('claim').length ? prisma.claim.findMany({ where: { id: { in: idsOf('claim') } }, select: { id: true, number: true } }) : none,
    idsOf('payment').length
      ? prisma.payment.findMany({
          where: { id: { in: idsOf('payment') } },
          select: { id: true, createdAt: true, totalKopecks: true, receipt: { select: { number: true } } },
        })
      : none,
    idsOf('tariff').length
      ? prisma.tariff.findMany({ where: { id: { in: idsOf('tariff') } }, select: { id: true, locality: true, stove: true, zone: true, validFrom: true } })
      : none,
    idsOf('district').length ? prisma.district.findMany({ where: { id: { in: idsOf('district') } }, select: { id: true, name: true } }) : none,
    idsOf('settlement').length
      ? prisma.settlement.findMany({ where: { id: { in: idsOf('settlement') } }, select: { id: true, name: true, districtId: true } })
      : none,
    idsOf('housingOffice').length
      ? prisma.housingOffice.findMany({ where: { id: { in: idsOf('housingOffice') } }, select: { id: true, index: true, name: true, districtId: true } })
      : none,
    idsOf('account').length ? prisma.account.findMany({ where: { id: { in: idsOf('account') } }, select: { id: true, number: true } }) : none,
    idsOf('staffUser').length ? prisma.staffUser.findMany({ where: { id: { in: idsOf('staffUser') } }, select: { id: true, name: true, email: true } }) : none,
  ]);
  for (const c of claims) names.set(targetKey('claim', c.id), { label: `Претензия № ${c.number}`, href: `/claims/${c.id}` });
  for (const p of payments) {
    const what = p.receipt ? `Платёж по квитанции № ${p.receipt.number}` : `Платёж от ${omskDateTime(p.createdAt)}`;
    names.set(targetKey('payment', p.id), { label: `${what}, ${roubles(p.totalKopecks)}`, href: `/payments/${p.id}` });
  }
  for (const t of tariffs) {
    names.set(targetKey('tariff', t.id), {
      label: `Тариф ${tariffCategoryName(`${t.locality}/${t.stove}`)}, ${ZONE_LABELS[t.zone]}, с ${formatDay(t.validFrom.toISOString())}`,
      href: '/tariffs',
    });
  }
  for (const d of districts) names.set(targetKey('district', d.id), { label: `Район «${d.name}»`, href: `/districts/${d.id}` });
  for (const s of settlements) names.set(targetKey('settlement', s.id), { label: `Населённый пункт «${s.name}»`, href: `/districts/${s.districtId}` });
  for (const o of offices) names.set(targetKey('housingOffice', o.id), { label: `ЖЭО № ${o.index} «${o.name}»`, href: `/districts/${o.districtId}` });
  for (const a of accounts) names.set(targetKey('account', a.id), { label: `Лицевой счёт ${a.number}`, href: `/accounts/${a.id}` });
  for (const s of staff) names.set(targetKey('staffUser', s.id), { label: `${s.name} (${s.email})`, href: '/staff' });
  for (const e of entries)
    if (!names.has(targetKey(e.targetType, e.targetId))) names.set(targetKey(e.targetType, e.targetId), plainTargetName(e.targetType, e.targetId));
  return names;
};
