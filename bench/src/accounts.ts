// The benchmark's own DEMO accounts: one per payment of the load phases (a month-end evening is many
// residents paying once each, not a few paying again and again), so no two payments ever move the
// same meter's readings and no account meets the per-account look-up limit. Written in one INSERT … SELECT generate_series, under a housing office of
// their own whose name says what they are; seeding again adds only the missing ones.
import type pg from 'pg';
import type { BenchAccount } from './resident';

/** Not one of the seed's offices (9999, 1101, 1102, 2201, 3301) nor one the tests use: bench rows stay apart. */
export const BENCH_HOUSING_OFFICE_INDEX = '8800';
const BENCH_OFFICE_NAME = 'ЖЭО № 8800 (демо-данные нагрузочного теста, npm run bench)';
// Not the word «демо»: the console's account search by street must not mistake them for hand-made demo accounts.
export const BENCH_STREET = 'ул. Нагрузочная (бенчмарк)';
/** The reading every bench account starts from, closing the period before the demo year. */
const FIRST_READING = 1_000;

/** The n-th bench account's number: the office index and eight digits (12 digits, the city maximum). */
export const benchAccountNumber = (n: number) => `${BENCH_HOUSING_OFFICE_INDEX}${String(n).padStart(8, '0')}`;

/** Ensures bench accounts from … from+count-1 exist (city of Omsk, single-rate, gas stove, isDemo) and returns them. */
export const seedBenchAccounts = async (pool: pg.Pool, count: number, from = 0): Promise<BenchAccount[]> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const city = await client.query<{ id: string; settlement_id: string }>(
      `SELECT d.id, s.id AS settlement_id FROM districts d JOIN settlements s ON s.district_id = d.id WHERE d.code = 'omsk' AND s.name = 'Омск'`,
    );
    const omsk = city.rows[0];
    if (!omsk) throw new Error('the city of Omsk is not seeded: run the seed (npm start does) before the benchmark');
    await client.query(
      `INSERT INTO housing_offices (id, district_id, index, name, is_demo, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, true, now(), now()) ON CONFLICT (index) DO NOTHING`,
      [omsk.id, BENCH_HOUSING_OFFICE_INDEX, BENCH_OFFICE_NAME],
    );
    const office = await client.query<{ id: string }>('SELECT id FROM housing_offices WHERE index = $1', [BENCH_HOUSING_OFFICE_INDEX]);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO accounts (id, district_id, settlement_id, housing_office_id, number, street, house, flat, tariff_plan, stove, locality, meter_capacity, is_demo, created_at, updated_at)
       SELECT gen_random_uuid(), $1, $2, $3, $4 || lpad(n::text, 8, '0'), $5, (n % 200 + 1)::text, (n % 300 + 1)::text,
              'SINGLE_RATE'::tariff_plan, 'GAS'::stove_type, 'URBAN'::locality, 99999, true, now(), now()
       FROM generate_series($7::int, $7::int + $6::int - 1) AS n
       ON CONFLICT (settlement_id, number) DO NOTHING
       RETURNING id`,
      [omsk.id, omsk.settlement_id, office.rows[0]!.id, BENCH_HOUSING_OFFICE_INDEX, BENCH_STREET, count, from],
    );
    if (inserted.rowCount) {
      await client.query(
        `INSERT INTO meter_readings (id, account_id, zone, value, period, source, taken_at)
         SELECT gen_random_uuid(), id, 'SINGLE'::meter_zone, $2, '2025-12', 'BILLING'::meter_reading_source, now() FROM unnest($1::uuid[]) AS id`,
        [inserted.rows.map((r) => r.id), FIRST_READING],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return Array.from({ length: count }, (_, n) => ({ number: benchAccountNumber(from + n), districtCode: 'omsk' }));
};

/** Where the load phases' accounts start: apart from the drafts' and the search seed's (0 … 20,000). */
export const PAYER_ACCOUNTS_FROM = 10_000_000;
const PAYER_BATCH = 1_000;

export type PayerPool = { next: () => Promise<{ account: BenchAccount; clientAddress: string; serial: number }> };

/**
 * Hands every payment of the load phases an account and a client address of its own, seeding
 * accounts a thousand at a time as they run out. The address is in 100.64.0.0/10 (shared address
 * space: never a real client's), one per payment, so the per-address limits see residents, not the
 * benchmark.
 */
export const createPayerPool = (pool: pg.Pool): PayerPool => {
  let serial = 0;
  let seeded: Promise<BenchAccount[]> = Promise.resolve([]);
  return {
    next: async () => {
      const k = serial++;
      if (k % PAYER_BATCH === 0) {
        const before = seeded;
        seeded = before.then(async (have) => [...have, ...(await seedBenchAccounts(pool, PAYER_BATCH, PAYER_ACCOUNTS_FROM + k))]);
      }
      const accounts = await seeded;
      return { account: accounts[k]!, clientAddress: `100.${64 + ((k >> 16) & 63)}.${(k >> 8) & 255}.${k & 255}`, serial: k };
    },
  };
};
