// The audit trail of staff actions (DESIGN §4): who did what to which record, when, and the record
// before and after. Written in the transaction of the change it describes, so neither exists alone.
import type { Prisma, PrismaClient } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';

type Db = PrismaClient | Prisma.TransactionClient;

export type AuditEntry = {
  /** Verb-first, dotted by area: `tariff.create`, `payment.retryPosting`, `claim.resolve`. */
  action: string;
  /** The table or thing acted on: `tariff`, `payment`, `claim`, `staffUser`, … */
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  /** Anything else worth keeping: the reason given, the outcome of a Temporal update. */
  details?: unknown;
};

// JSON columns take plain JSON: Dates become ISO strings, BigInts decimal strings, undefined is dropped.
const toJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue);

/** Writes one audit row for `staff`. Pass the transaction client when there is one. */
export const recordAudit = async (db: Db, staff: Pick<StaffIdentity, 'email'>, entry: AuditEntry): Promise<void> => {
  await db.auditLog.create({
    data: {
      actorType: 'STAFF',
      actorId: staff.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ...(toJson(entry.before) !== undefined ? { before: toJson(entry.before) } : {}),
      ...(toJson(entry.after) !== undefined ? { after: toJson(entry.after) } : {}),
      ...(toJson(entry.details) !== undefined ? { details: toJson(entry.details) } : {}),
    },
  });
};

/**
 * Runs a database change and its audit row in one transaction. `change` returns the result and
 * the entry describing what it did (it knows the before and after; the caller does not).
 */
export const auditedTransaction = async <T>(
  { prisma, staff }: { prisma: PrismaClient; staff: Pick<StaffIdentity, 'email'> },
  change: (tx: Prisma.TransactionClient) => Promise<{ result: T; audit: AuditEntry }>,
): Promise<T> =>
  prisma.$transaction(async (tx) => {
    const { result, audit } = await change(tx);
    await recordAudit(tx, staff, audit);
    return result;
  });
