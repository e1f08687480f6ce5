// `--search-payments N`: many completed payments for the console's search, written by the database
// itself (INSERT … SELECT generate_series in batches, never row by row), each with its payment line,
// receipt and balanced ledger posting, as the worker writes them. BENCH DEMO DATA: terms version
// `bench-seed`, emails at bench.voltpay.test, order ids `ord_bench_…`, on the bench accounts, dated
// 2021–2025 (before any real receipt) with receipt sequences from 900001 so no real number is taken.
// Seeding again tops up to N: payment i is always the same row.
import type pg from 'pg';
import { BENCH_HOUSING_OFFICE_INDEX } from '../accounts';
import { progress, progressDone } from '../progress';

export const BENCH_TERMS_VERSION = 'bench-seed';
const FIRST_DAY = '2021-01-01';
/** 2021-01-01 … 2025-12-31. */
export const SEED_DAYS = 1826;
const BATCH = 25_000;

/** What the n-th seeded payment looks like: the searches pick their values from here. */
export const seededPayment = (i: number, accountCount: number) => {
  const day = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + (i % SEED_DAYS) * 86_400_000).toISOString().slice(0, 10);
  return {
    accountIndex: i % accountCount,
    email: `bench-${i % (accountCount * 2)}@bench.voltpay.test`,
    cardLast4: String((i * 31) % 10_000).padStart(4, '0'),
    totalKopecks: 10_000 + ((i * 7_919) % 900_000),
    /** Omsk day of the payment (it is made at 09:00–09:30 Omsk time). */
    day,
    receiptNumber: `${day.replaceAll('-', '')}-${String(900_000 + Math.floor(i / SEED_DAYS) + 1).padStart(6, '0')}`,
  };
};

export const seedSearchPayments = async ({ pool, count, accountCount }: { pool: pg.Pool; count: number; accountCount: number }) => {
  if (![count, accountCount].every((n) => Number.isInteger(n) && n >= 0))
    throw new Error(`search seed: counts must be whole numbers (${count}, ${accountCount})`);
  if (count / SEED_DAYS >= 99_999) throw new Error(`search seed: at most ${(99_999 * SEED_DAYS).toLocaleString('en')} payments fit the receipt sequences`);
  const client = await pool.connect();
  const started = Date.now();
  try {
    const existing = Number(
      (await client.query<{ n: string }>('SELECT count(*) AS n FROM payments WHERE terms_version = $1', [BENCH_TERMS_VERSION])).rows[0]!.n,
    );
    await client.query(`CREATE TEMP TABLE bench_accounts AS
      SELECT substring(number FROM 5)::int AS n, id FROM accounts WHERE number LIKE '${BENCH_HOUSING_OFFICE_INDEX}%' AND length(number) = 12`);
    await client.query('CREATE UNIQUE INDEX ON bench_accounts (n)');
    const have = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM bench_accounts WHERE n < $1', [accountCount])).rows[0]!.n);
    if (have < accountCount) throw new Error(`the search seed needs bench accounts 0…${accountCount - 1}; ${have} exist`);

    for (let from = existing; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH) - 1;
      // Integers of our own (checked above), written into the SQL so each statement stands alone.
      // One row per i; every id derives from i, so the receipt, line and posting find their payment without a join back.
      const series = `FROM generate_series(${from}, ${to}) AS i`;
      const days = SEED_DAYS;
      const created = `(timestamp '${FIRST_DAY} 03:00' + (i % ${days}) * interval '1 day' + (i / ${days}) * interval '3 seconds')`;
      const total = `(10000 + (i::bigint * 7919) % 900000)::int`;
      const sequence = `(900000 + i / ${days} + 1)`;
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO payments (id, workflow_id, account_id, period, status, total_kopecks, terms_version, terms_accepted_at, receipt_email, locale,
                               acquirer_order_id, card_last4, status_reason, revision, created_at, updated_at, completed_at)
         SELECT md5('bench-payment-' || i)::uuid, 'payment-' || md5('bench-payment-' || i)::uuid, a.id, to_char(${created}, 'YYYY-MM'), 'COMPLETED'::payment_status,
                ${total}, '${BENCH_TERMS_VERSION}', ${created}, 'bench-' || (i % ${accountCount * 2}) || '@bench.voltpay.test', 'ru',
                'ord_bench_' || i, lpad(((i::bigint * 31) % 10000)::text, 4, '0'), NULL, 12, ${created}, ${created} + interval '3 seconds', ${created} + interval '3 seconds'
         ${series} JOIN bench_accounts a ON a.n = i % ${accountCount}`,
      );
      await client.query(
        `INSERT INTO payment_lines (id, payment_id, kind, amount_kopecks, kwh, details, position)
         SELECT md5('bench-line-' || i)::uuid, md5('bench-payment-' || i)::uuid, 'ELECTRICITY'::payment_line_kind, ${total}, NULL, NULL, 0
         ${series}`,
      );
      await client.query(
        `INSERT INTO receipts (id, payment_id, number, issued_on, sequence, verification_code, total_kopecks, issued_at)
         SELECT md5('bench-receipt-' || i)::uuid, md5('bench-payment-' || i)::uuid,
                to_char(${created}, 'YYYYMMDD') || '-' || lpad(${sequence}::text, 6, '0'),
                (${created} + interval '6 hours')::date, ${sequence},
                substr(md5('bench-code-' || i), 1, 16), ${total}, ${created} + interval '1 second'
         ${series}`,
      );
      await client.query(
        `INSERT INTO ledger_postings (id, payment_id, kind, total_kopecks, description, posted_at)
         SELECT md5('bench-posting-' || i)::uuid, md5('bench-payment-' || i)::uuid, 'PAYMENT'::ledger_posting_kind, ${total},
                'BENCH demo payment ' || i, ${created} + interval '2 seconds'
         ${series}`,
      );
      await client.query(
        `INSERT INTO ledger_entries (id, posting_id, ledger_account, account_id, direction, amount_kopecks, line_kind)
         SELECT md5('bench-entry-d-' || i)::uuid, md5('bench-posting-' || i)::uuid, 'acquirer_clearing', NULL, 'DEBIT'::entry_direction, ${total}, NULL
         ${series}
         UNION ALL
         SELECT md5('bench-entry-c-' || i)::uuid, md5('bench-posting-' || i)::uuid, 'customer_receivable', a.id, 'CREDIT'::entry_direction, ${total}, 'ELECTRICITY'::payment_line_kind
         ${series} JOIN bench_accounts a ON a.n = i % ${accountCount}`,
      );
      await client.query('COMMIT');
      const done = to + 1;
      const rate = (done - existing) / Math.max(0.001, (Date.now() - started) / 1000);
      progress(`[search seed] ${done.toLocaleString('en')}/${count.toLocaleString('en')} payments · ${Math.round(rate).toLocaleString('en')}/s`, {
        force: true,
      });
    }
    progressDone();
    // Fresh statistics, as autovacuum would give them after a while: the plans below are the steady state's.
    await client.query('ANALYZE payments, receipts, accounts, payment_lines, ledger_postings, ledger_entries');
    return { existing, seeded: Math.max(0, count - existing), seconds: Math.round((Date.now() - started) / 100) / 10 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_accounts').catch(() => {});
    client.release();
  }
};
