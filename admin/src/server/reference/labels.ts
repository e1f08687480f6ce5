// How the console names reference data in Russian, and writes days. Pure (types only), so server
// messages and client components say the same.
import type { DistrictKind, Locality, MeterZone, SettlementKind, StoveType, TariffPlan } from '@voltpay/prisma';

export const ZONE_LABELS: Record<MeterZone, string> = { SINGLE: 'однотарифный', DAY: 'день', NIGHT: 'ночь' };
export const LOCALITY_LABELS: Record<Locality, string> = { URBAN: 'город', RURAL: 'село' };
export const STOVE_LABELS: Record<StoveType, string> = { GAS: 'газовая плита', ELECTRIC: 'электроплита' };
export const PLAN_LABELS: Record<TariffPlan, string> = { SINGLE_RATE: 'однотарифный', DAY_NIGHT: 'день/ночь' };
export const DISTRICT_KIND_LABELS: Record<DistrictKind, string> = { CITY: 'город', REGION_DISTRICT: 'район области' };
export const SETTLEMENT_KIND_LABELS: Record<SettlementKind, string> = {
  TOWN: 'г. — город',
  URBAN_SETTLEMENT: 'р.п. — рабочий посёлок',
  VILLAGE: 'с. — село',
  HAMLET: 'п./д. — посёлок, деревня',
};

/** `2026-07-01` → `01.07.2026`, as staff write dates. */
export const formatDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The last day a period with an exclusive end (`validTo`, ISO day) covers: what people read as "по". */
export const formatLastDay = (exclusiveEnd: string) => formatDay(new Date(Date.parse(`${exclusiveEnd.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString());
