import type { PaymentStatus } from '@voltpay/domain';
import type { ResidentPaymentState } from '../api/schemas';
import { describe, expect, it } from 'vitest';
import { isReviewable, pageOfState, pollDelayMs, screenOfState, shouldPoll } from './steps';

const account = { accountId: 'a' } as never;
const receipt = { number: '20261126-000001' } as never;

describe('which page a payment shows', () => {
  it('a draft without an account asks for it; with one, the details; any other status, the status page', () => {
    expect(pageOfState({ status: 'DRAFT', account: null })).toBe('account');
    expect(pageOfState({ status: 'DRAFT', account })).toBe('details');
    expect(pageOfState({ status: 'AWAITING_CARD', account })).toBe('status');
    expect(pageOfState({ status: 'CANCELLED', account: null })).toBe('status');
  });

  it('only a complete draft has a review', () => {
    const complete = { status: 'DRAFT' as const, account, bill: {} as never, electricity: {} as never, quote: {} as never };
    expect(isReviewable(complete)).toBe(true);
    expect(isReviewable({ ...complete, electricity: null })).toBe(false);
    expect(isReviewable({ ...complete, quote: null })).toBe(false);
    expect(isReviewable({ ...complete, status: 'AWAITING_CARD' })).toBe(false);
  });

  it('POSTING, NEEDS_ATTENTION and COMPLETED all mean the card was charged', () => {
    for (const status of ['POSTING', 'NEEDS_ATTENTION', 'COMPLETED'] as const) expect(screenOfState({ status, acquirer: null })).toBe('success');
  });

  it('on the bank’s page until the one-time password, then the bank is deciding', () => {
    const acquirer = { orderId: 'o', paymentUrl: 'u', otpPassed: false, cardLast4: null };
    expect(screenOfState({ status: 'AWAITING_CARD', acquirer })).toBe('awaitingCard');
    expect(screenOfState({ status: 'AWAITING_CARD', acquirer: { ...acquirer, otpPassed: true } })).toBe('processing');
    expect(screenOfState({ status: 'PROCESSING', acquirer })).toBe('processing');
    expect(screenOfState({ status: 'UNCONFIRMED', acquirer })).toBe('unconfirmed');
  });

  it('keeps asking in every state that is not final, and stops at an ending', () => {
    const polls = (
      status: PaymentStatus,
      withReceipt = false,
      email: { receiptEmail: string | null; delivery: ResidentPaymentState['delivery'] } = { receiptEmail: null, delivery: null },
    ) => shouldPoll({ status, receipt: withReceipt ? receipt : null, ...email });
    expect(polls('AWAITING_CARD')).toBe(true);
    expect(polls('PROCESSING')).toBe(true);
    expect(polls('UNCONFIRMED')).toBe(true);
    expect(polls('POSTING', true)).toBe(true);
    expect(polls('NEEDS_ATTENTION')).toBe(true);
    // Charged and parked for an operator: the page must still turn to "credited" when they resolve it.
    expect(polls('NEEDS_ATTENTION', true)).toBe(true);
    expect(polls('COMPLETED')).toBe(true);
    expect(polls('COMPLETED', true)).toBe(false);
    // "The receipt will be sent to …" turns into "sent to …" by itself.
    expect(polls('COMPLETED', true, { receiptEmail: 'a@example.org', delivery: null })).toBe(true);
    expect(polls('COMPLETED', true, { receiptEmail: 'a@example.org', delivery: { channel: 'email', to: 'a@example.org' } })).toBe(false);
    for (const status of ['DRAFT', 'DECLINED', 'CANCELLED', 'EXPIRED', 'REFUNDED'] as const) expect(polls(status)).toBe(false);
  });

  it('shows a change within a second while the resident waits, slower for an unconfirmed one', () => {
    for (const status of ['AWAITING_CARD', 'PROCESSING', 'POSTING', 'NEEDS_ATTENTION', 'COMPLETED'] as const) {
      expect(pollDelayMs({ status, attempt: 0 })).toBeLessThanOrEqual(1_000);
      expect(pollDelayMs({ status, attempt: 100 })).toBeLessThanOrEqual(1_000);
    }
    expect(pollDelayMs({ status: 'UNCONFIRMED', attempt: 0 })).toBe(1_000);
    expect(pollDelayMs({ status: 'UNCONFIRMED', attempt: 100 })).toBe(10_000);
  });
});
