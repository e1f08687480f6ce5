// DEMO household electricity tariffs for the Omsk region: every locality × stove × meter zone,
// from two yearly indexations (1 July 2025 and 1 July 2026), each period ending where the next begins.
import type { PrismaClient } from '../generated/client';
import type { Locality, MeterZone, StoveType } from '../generated/enums';

// DEMO data (isDemo = true): plausible figures shaped like the regional energy commission's
// orders, NOT the utility's real tariffs, which admins enter in the console. Rates are hundredths
// of a kopeck per kWh, and deliberately carry fractions of a kopeck (5,8712 ₽ = 58712) so that
// the quote's half-up rounding is exercised on every demo payment.

/** The full rate (urban, gas stove) per zone, for each date the tariffs changed. */
export const DEMO_TARIFF_SCHEDULE: readonly { validFrom: string; fullRates: Record<MeterZone, number> }[] = [
  { validFrom: '2025-07-01', fullRates: { SINGLE: 58712, DAY: 67634, NIGHT: 34127 } },
  // +11,9 %, the usual 1 July indexation.
  { validFrom: '2026-07-01', fullRates: { SINGLE: 65699, DAY: 75682, NIGHT: 38188 } },
];

/**
 * Rural households and homes with an electric stove pay the full rate × 0.7, the reducing
 * coefficient Russian regions apply to both groups; the two reductions do not stack.
 */
export const reducedRate = (fullRate: number): number => Math.floor((fullRate * 7 + 5) / 10);

const LOCALITIES: readonly Locality[] = ['URBAN', 'RURAL'];
const STOVES: readonly StoveType[] = ['GAS', 'ELECTRIC'];
const ZONES: readonly MeterZone[] = ['SINGLE', 'DAY', 'NIGHT'];

export type DemoTariff = {
  locality: Locality;
  stove: StoveType;
  zone: MeterZone;
  rateCentikopecks: number;
  validFrom: string;
  /** Exclusive end: the next indexation's date; null for the latest, in force until further notice. */
  validTo: string | null;
};

/** Every demo tariff row: 2 dates × 2 localities × 2 stoves × 3 zones. */
export const DEMO_TARIFFS: readonly DemoTariff[] = DEMO_TARIFF_SCHEDULE.flatMap(({ validFrom, fullRates }, i) =>
  LOCALITIES.flatMap((locality) =>
    STOVES.flatMap((stove) =>
      ZONES.map((zone) => ({
        locality,
        stove,
        zone,
        validFrom,
        validTo: DEMO_TARIFF_SCHEDULE[i + 1]?.validFrom ?? null,
        rateCentikopecks: locality === 'URBAN' && stove === 'GAS' ? fullRates[zone] : reducedRate(fullRates[zone]),
      })),
    ),
  ),
);

const toDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * Creates the demo tariffs that are missing. Existing rows, demo or not, are left alone: an admin
 * may have corrected a rate or ended a period, and a re-seed must not undo it. A demo row whose
 * period would overlap one an admin entered is skipped too (the database's `tariffs_no_overlap`
 * constraint, which `skipDuplicates`' ON CONFLICT DO NOTHING honours like a unique key).
 */
export const seedTariffs = async (prisma: PrismaClient): Promise<void> => {
  for (const tariff of DEMO_TARIFFS) {
    if (!/^\d{4}-\d{2}-01$/.test(tariff.validFrom)) throw new Error(`seedTariffs: validFrom ${tariff.validFrom} is not the first of a month`);
    if (tariff.validTo !== null && tariff.validTo <= tariff.validFrom)
      throw new Error(`seedTariffs: the schedule is not in date order (${tariff.validFrom} → ${tariff.validTo})`);
    if (!Number.isSafeInteger(tariff.rateCentikopecks) || tariff.rateCentikopecks <= 0) {
      throw new Error(`seedTariffs: rate ${tariff.rateCentikopecks} for ${tariff.locality}/${tariff.stove}/${tariff.zone} is not a positive integer`);
    }
  }
  await prisma.tariff.createMany({
    data: DEMO_TARIFFS.map(({ validFrom, validTo, ...rest }) => ({
      ...rest,
      validFrom: toDate(validFrom),
      validTo: validTo === null ? null : toDate(validTo),
      isDemo: true,
    })),
    skipDuplicates: true,
  });
};
