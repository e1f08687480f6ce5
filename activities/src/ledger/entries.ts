// The pure double-entry rules of a payment posting: which ledger accounts a payment moves, and
// the checks that stop an unbalanced or malformed posting before it reaches the database.
import type { LedgerPostingInput } from '@voltpay/workflows/payment';
import type { Kopecks, PaymentLineKind } from '@voltpay/domain';

/** Money received from the acquirer, not yet settled to our bank account. */
export const ACQUIRER_CLEARING = 'acquirer_clearing';
/** What residents owe the utility; a payment reduces it, line by line. */
export const CUSTOMER_RECEIVABLE = 'customer_receivable';

export type EntryDirection = 'DEBIT' | 'CREDIT';

export type PlannedEntry = {
  ledgerAccount: string;
  accountId: string | null;
  direction: EntryDirection;
  amountKopecks: Kopecks;
  lineKind: PaymentLineKind | null;
};

/** A posting that cannot be right whatever happens next: a bug upstream, not a transient failure. */
export class InvalidPostingError extends Error {
  override name = 'InvalidPostingError';
}

const isKopecks = (value: number) => Number.isSafeInteger(value) && value >= 0;

/**
 * DEBIT acquirer_clearing by the total, CREDIT customer_receivable by each line. Zero lines
 * (a penalty of 0) post nothing: an entry of 0 says nothing and clutters statements.
 */
export const planPaymentEntries = (input: Pick<LedgerPostingInput, 'accountId' | 'totalKopecks' | 'lines'>): PlannedEntry[] => {
  if (!isKopecks(input.totalKopecks) || input.totalKopecks === 0) {
    throw new InvalidPostingError(`The total must be a positive whole number of kopecks, got ${input.totalKopecks}.`);
  }
  const seen = new Set<PaymentLineKind>();
  for (const line of input.lines) {
    if (!isKopecks(line.amountKopecks)) {
      throw new InvalidPostingError(`Line ${line.kind} must be a whole, non-negative number of kopecks, got ${line.amountKopecks}.`);
    }
    if (seen.has(line.kind)) throw new InvalidPostingError(`Line ${line.kind} appears twice.`);
    seen.add(line.kind);
  }
  const credits: PlannedEntry[] = input.lines
    .filter((line) => line.amountKopecks > 0)
    .map((line) => ({
      ledgerAccount: CUSTOMER_RECEIVABLE,
      accountId: input.accountId,
      direction: 'CREDIT',
      amountKopecks: line.amountKopecks,
      lineKind: line.kind,
    }));
  const entries: PlannedEntry[] = [
    { ledgerAccount: ACQUIRER_CLEARING, accountId: null, direction: 'DEBIT', amountKopecks: input.totalKopecks, lineKind: null },
    ...credits,
  ];
  assertBalanced(entries);
  return entries;
};

/** The same entries with every direction swapped: the posting's exact reversal. */
export const reverseEntries = (entries: readonly PlannedEntry[]): PlannedEntry[] =>
  entries.map((entry) => ({ ...entry, direction: entry.direction === 'DEBIT' ? 'CREDIT' : 'DEBIT' }));

export const sumByDirection = (entries: readonly Pick<PlannedEntry, 'direction' | 'amountKopecks'>[]) =>
  entries.reduce(
    (sums, entry) => {
      sums[entry.direction === 'DEBIT' ? 'debit' : 'credit'] += entry.amountKopecks;
      return sums;
    },
    { debit: 0, credit: 0 },
  );

export const assertBalanced = (entries: readonly Pick<PlannedEntry, 'direction' | 'amountKopecks'>[]) => {
  const { debit, credit } = sumByDirection(entries);
  if (debit !== credit) {
    throw new InvalidPostingError(`Debits (${debit}) and credits (${credit}) differ: the lines do not add up to the total.`);
  }
};
