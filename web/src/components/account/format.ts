// Small pure rules the "My payments" and receipt pages share: how an account number is masked,
// how a period and a page number are read, which payment statuses count as paid.
import { normalizeAccountNumber } from '@voltpay/domain/account-number';
import type { Locale, PaymentStatus } from '@voltpay/domain';

/** Digits shown at the end of a masked account number. */
export const ACCOUNT_VISIBLE_DIGITS = 4;

/**
 * `99991234567` → `{ hidden: '•••••••', visible: '4567' }`: enough for the resident to recognise
 * their account, not enough to pay into or look up someone else's from a screen or a printout.
 */
export const maskAccountNumber = (number: string): { hidden: string; visible: string } => {
  const digits = normalizeAccountNumber(number);
  const visibleCount = Math.min(ACCOUNT_VISIBLE_DIGITS, Math.max(0, digits.length - 2));
  return { hidden: '•'.repeat(digits.length - visibleCount), visible: digits.slice(digits.length - visibleCount) };
};

/** `2026-10` → `{ year: 2026, month: 10 }`; null for anything else. */
export const parsePeriod = (period: string): { year: number; month: number } | null => {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
};

/** `?page=` as typed into the address bar: a whole number from 1, anything else is page 1. */
export const parsePageParam = (raw: string | string[] | undefined): number => {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
};

/** The same account typed with spaces or dashes is the same account. */
export const sameAccountNumber = (typed: string, stored: string): boolean => {
  const a = normalizeAccountNumber(typed);
  return a.length > 0 && a === normalizeAccountNumber(stored);
};

/** An account number's shape as anyone may type it: 5–12 digits once spaces and dashes are gone. */
export const isAccountNumberShape = (typed: string): boolean => /^\d{5,12}$/.test(normalizeAccountNumber(typed));

export type StatusTone = 'paid' | 'pending' | 'failed' | 'refunded';

/** How a status looks on the page; exhaustive, so a new status breaks the build here. */
export const statusTone = (status: PaymentStatus): StatusTone => {
  switch (status) {
    case 'COMPLETED':
    case 'POSTING':
    case 'NEEDS_ATTENTION':
      return 'paid';
    case 'DRAFT':
    case 'AWAITING_CARD':
    case 'PROCESSING':
    case 'UNCONFIRMED':
      return 'pending';
    case 'CANCELLED':
    case 'EXPIRED':
    case 'DECLINED':
      return 'failed';
    case 'REFUNDED':
      return 'refunded';
    default: {
      const unknown: never = status;
      throw new Error(`statusTone: unknown status ${String(unknown)}`);
    }
  }
};

/** Where the site serves a receipt's PDF; the verification code is the key (the number alone is guessable). */
export const receiptPdfPath = ({ number, code, locale }: { number: string; code: string; locale: Locale }): string =>
  `/api/v1/receipts/${encodeURIComponent(number)}.pdf?${new URLSearchParams({ code, lang: locale }).toString()}`;
