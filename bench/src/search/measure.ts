// The console's payment searches at scale, through the real tRPC procedure
// (`payments.findPayments`, called as a sales clerk with the router's caller), each kind repeated
// with different values; then EXPLAIN of the SQL Prisma sent for it, to see whether an index served it.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@voltpay/prisma';
import type pg from 'pg';
import { benchAccountNumber } from '../accounts';
import { summarize, type LatencySummary } from '../stats';
import { progress, progressDone } from '../progress';
import { seededPayment } from './seed';

export type SearchKind = 'receiptNumber' | 'accountNumber' | 'email' | 'last4AndAmount' | 'dateRange';
export const SEARCH_KINDS: readonly SearchKind[] = ['receiptNumber', 'accountNumber', 'email', 'last4AndAmount', 'dateRange'];

export type PlanFacts = {
  /** The statement's first 160 characters, to tell the count from the page. */
  statement: string;
  /** Index scans of any kind, by index name. */
  indexes: string[];
  /** Tables read whole. */
  seqScans: string[];
  totalCost: number;
};

export type SearchResult = {
  kind: SearchKind;
  latency: LatencySummary | null;
  /** Rows the searches matched (the `total` they answered), to show they found something. */
  matchedTotal: number;
  /** Every payments-table access of every statement went through an index. */
  indexUsed: boolean;
  plans: PlanFacts[];
  errors: number;
};

const typedRoubles = (kopecks: number) => `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;

/** The filter a clerk types for search kind `kind`, on the seeded payment `i`. */
export const searchInput = (kind: SearchKind, i: number, accountCount: number) => {
  const seeded = seededPayment(i, accountCount);
  switch (kind) {
    case 'receiptNumber':
      return { receiptNumber: seeded.receiptNumber };
    case 'accountNumber':
      return { accountNumber: benchAccountNumber(seeded.accountIndex) };
    case 'email':
      return { email: seeded.email };
    case 'last4AndAmount':
      return { cardLast4: seeded.cardLast4, amount: typedRoubles(seeded.totalKopecks) };
    case 'dateRange': {
      // A week, the way a clerk narrows a claim down.
      const to = new Date(Date.parse(seeded.day) + 6 * 86_400_000).toISOString().slice(0, 10);
      return { createdFrom: seeded.day, createdTo: to };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown search ${String(unknown)}`);
    }
  }
};

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Total Cost'?: number; Plans?: PlanNode[] };

const walk = (node: PlanNode, visit: (n: PlanNode) => void) => {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
};

const explain = async (pool: pg.Pool, sql: string, params: unknown[]): Promise<PlanFacts & { touchesPayments: boolean; paymentsByIndex: boolean }> => {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const plan = rows[0]!['QUERY PLAN'][0].Plan;
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  let touchesPayments = false;
  let paymentsByIndex = true;
  walk(plan, (n) => {
    if (n['Index Name']) indexes.add(n['Index Name']);
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name']) seqScans.add(n['Relation Name']);
    if (n['Relation Name'] === 'payments' || n['Index Name']?.startsWith('payments_')) {
      touchesPayments = true;
      if (n['Node Type'] === 'Seq Scan') paymentsByIndex = false;
    }
  });
  return {
    statement: sql.replace(/\s+/g, ' ').slice(0, 160),
    indexes: [...indexes],
    seqScans: [...seqScans],
    totalCost: plan['Total Cost'] ?? 0,
    touchesPayments,
    paymentsByIndex,
  };
};

export type MeasureSearchOptions = { databaseUrl: string; pool: pg.Pool; seededCount: number; accountCount: number; repeats: number };

export const measureSearches = async ({ databaseUrl, pool, seededCount, accountCount, repeats }: MeasureSearchOptions): Promise<SearchResult[]> => {
  if (seededCount === 0) throw new Error('no seeded payments to search');
  // The console's own procedures; imported here so that a run without this phase never loads the console.
  const { createCaller, createTRPCContext } = await import('@voltpay/admin/testing');
  const captured: { sql: string; params: unknown[] }[] = [];
  let capturing = false;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => {
    if (capturing && /^\s*SELECT/i.test(event.query)) captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  const clerk = { id: randomUUID(), email: 'bench-clerk@bench.voltpay.test', name: 'Бенчмарк (демо-сотрудник)', roles: ['sales' as const] };
  const caller = createCaller(() => createTRPCContext({ headers: new Headers(), staff: clerk, prisma }));
  const results: SearchResult[] = [];
  try {
    for (const kind of SEARCH_KINDS) {
      const times: number[] = [];
      let matchedTotal = 0;
      let errors = 0;
      // Warm the connection and Prisma's query cache once, uncounted.
      await caller.payments.findPayments(searchInput(kind, 0, accountCount)).catch(() => {});
      for (let r = 0; r < repeats; r++) {
        // Spread over the seeded rows: a different payment (and day, account, email) each time.
        const i = Math.floor((((r * 7_919 + 13) % 10_007) / 10_007) * seededCount) % seededCount;
        const started = performance.now();
        try {
          const page = await caller.payments.findPayments(searchInput(kind, i, accountCount));
          times.push(performance.now() - started);
          matchedTotal += page.total;
        } catch (error) {
          errors += 1;
          if (errors === 1) console.error(`search ${kind}:`, error);
        }
        progress(`[console search] ${kind} ${r + 1}/${repeats}`);
      }
      // Once more, capturing Prisma's SQL for EXPLAIN.
      captured.length = 0;
      capturing = true;
      await caller.payments.findPayments(searchInput(kind, Math.floor(seededCount / 2), accountCount)).catch(() => {});
      capturing = false;
      const plans = await Promise.all(captured.map((q) => explain(pool, q.sql, q.params)));
      results.push({
        kind,
        latency: summarize(times),
        matchedTotal,
        indexUsed: plans.some((p) => p.touchesPayments) && plans.filter((p) => p.touchesPayments).every((p) => p.paymentsByIndex),
        plans: plans.map(({ statement, indexes, seqScans, totalCost }) => ({ statement, indexes, seqScans, totalCost })),
        errors,
      });
    }
  } finally {
    progressDone();
    await prisma.$disconnect();
  }
  return results;
};
