import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from '@voltpay/domain';
import { DEFAULT_PAYMENT_SETTINGS, type PaymentState } from '../payment/definitions';
import { RESIDENT_REFUND_REASON, withLaterRefund, type RefundState, type RefundStatus } from './definitions';

const paymentId = '0b5d7a7e-3c1f-4e0a-9d55-4a1d2f6b8c01';

const payment = (status: PaymentStatus, refund: PaymentState['refund'] = null): PaymentState => ({
  paymentId,
  status,
  revision: 9,
  locale: 'ru',
  terms: { version: '2026-11-01', acceptedAt: '2026-11-15T06:00:00.000Z' },
  startedAt: '2026-11-15T06:00:00.000Z',
  updatedAt: '2026-11-15T06:05:00.000Z',
  settings: DEFAULT_PAYMENT_SETTINGS,
  account: null,
  periods: [],
  period: '2026-10',
  bill: null,
  electricity: null,
  options: { commonArea: true, penalty: true, debt: false },
  quote: null,
  receiptEmail: null,
  acquirer: null,
  expiresAt: null,
  declineReason: null,
  unconfirmed: null,
  attention: null,
  receipt: null,
  delivery: null,
  refund,
  timeline: [],
});

const refundRun = (status: RefundStatus, finishedAt: string | null = '2026-11-20T09:00:00.000Z'): RefundState => ({
  paymentId,
  actor: 'operator@voltpay.test',
  reason: 'claim 17: paid twice',
  status,
  requestedAt: '2026-11-20T08:59:00.000Z',
  acquirerOrderId: 'ord_1',
  amountKopecks: 123_456,
  ledgerPostingId: 'post_1',
  recordedRevision: 10,
  finishedAt,
  timeline: [],
});

describe('withLaterRefund: one rule for a payment refunded after its workflow closed', () => {
  it('a COMPLETED payment with a finished refund is REFUNDED, told to the resident without the operator’s note', () => {
    const state = withLaterRefund(payment('COMPLETED'), refundRun('REFUNDED'));
    expect(state.status).toBe('REFUNDED');
    expect(state.refund).toEqual({ reason: RESIDENT_REFUND_REASON, at: '2026-11-20T09:00:00.000Z' });
    expect(JSON.stringify(state)).not.toContain('paid twice');
    // A refund that found the payment refunded already is a refund too.
    expect(withLaterRefund(payment('COMPLETED'), refundRun('ALREADY_REFUNDED')).status).toBe('REFUNDED');
  });

  it('a refund not finished (or none) leaves the payment as its workflow says', () => {
    for (const status of ['CHECKING', 'REFUNDING_AT_ACQUIRER', 'REVERSING_LEDGER', 'RECORDING'] as const) {
      expect(withLaterRefund(payment('COMPLETED'), refundRun(status, null)).status).toBe('COMPLETED');
    }
    expect(withLaterRefund(payment('COMPLETED'), null).status).toBe('COMPLETED');
  });

  it('only a COMPLETED payment of the same id is changed: the workflow owns every other status', () => {
    const parkedRefund = payment('REFUNDED', { reason: 'refunded while parked', at: '2026-11-16T00:00:00.000Z' });
    expect(withLaterRefund(parkedRefund, refundRun('ALREADY_REFUNDED'))).toBe(parkedRefund);
    for (const status of ['NEEDS_ATTENTION', 'POSTING', 'DECLINED'] as const) {
      expect(withLaterRefund(payment(status), refundRun('REFUNDED')).status).toBe(status);
    }
    const other = { ...refundRun('REFUNDED'), paymentId: '11111111-2222-4333-8444-555555555555' };
    expect(withLaterRefund(payment('COMPLETED'), other).status).toBe('COMPLETED');
  });
});
