// The resident's view of a payment (PaymentStateSchema in ./schemas.ts) made from the workflow's
// whole state. Built field by field, so that a field the workflow grows later stays out of the
// public API until someone decides it belongs there.
import type { PaymentState } from '@voltpay/workflows/payment';
import type { z } from 'zod';
import { DECLINE_REASON_CODE, type PaymentStateSchema } from './schemas';

export const toResidentPaymentState = (state: PaymentState): z.input<typeof PaymentStateSchema> => ({
  paymentId: state.paymentId,
  status: state.status,
  revision: state.revision,
  locale: state.locale,
  terms: state.terms,
  startedAt: state.startedAt,
  updatedAt: state.updatedAt,
  settings: { ceilingKopecks: state.settings.ceilingKopecks },
  account: state.account,
  periods: state.periods,
  period: state.period,
  bill: state.bill,
  electricity: state.electricity,
  options: state.options,
  quote: state.quote,
  receiptEmail: state.receiptEmail,
  acquirer: state.acquirer && { paymentUrl: state.acquirer.paymentUrl, otpPassed: state.acquirer.otpPassed, cardLast4: state.acquirer.cardLast4 },
  expiresAt: state.expiresAt,
  // The acquirer's words could be anything; the site knows a few codes and says "other" for the rest.
  declineReason: state.declineReason === null ? null : DECLINE_REASON_CODE.test(state.declineReason) ? state.declineReason : 'other',
  // Not the last error of the re-check: that is the acquirer's or our network's text, for operators.
  unconfirmed: state.unconfirmed && { nextCheckAt: state.unconfirmed.nextCheckAt },
  receipt: state.receipt,
  // Which mail provider, and its message id, are ours to know.
  delivery: state.delivery && (state.delivery.channel === 'none' ? { channel: 'none' } : { channel: 'email', to: state.delivery.to }),
  // Who refunded and why is the operator's note; the resident learns that and when the money went back.
  refund: state.refund && { at: state.refund.at },
  // Details name staff, orders, amounts and errors: codes only.
  timeline: state.timeline.map(({ at, event }) => ({ at, event })),
});
