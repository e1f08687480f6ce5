import { describe, expect, it } from 'vitest';
import type { PaymentStatus } from './status';
import { PAYMENT_STATUS_LABELS, paymentStatusLabel, STAFF_PAYMENT_STATUS_LABELS } from './status-labels';

// Every status the workflow can report (definitions.ts): a label missing here is a blank badge.
const STATUSES: PaymentStatus[] = [
  'DRAFT',
  'AWAITING_CARD',
  'PROCESSING',
  'UNCONFIRMED',
  'POSTING',
  'NEEDS_ATTENTION',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  'DECLINED',
  'REFUNDED',
];

describe('payment status labels', () => {
  it.each([
    ['residents, ru', PAYMENT_STATUS_LABELS.ru],
    ['residents, en', PAYMENT_STATUS_LABELS.en],
    ['staff', STAFF_PAYMENT_STATUS_LABELS],
  ])('name every status, each differently (%s)', (_, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...STATUSES].sort());
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
    expect(new Set(Object.values(labels)).size).toBe(STATUSES.length);
  });

  it('speaks the resident’s language', () => {
    expect(paymentStatusLabel('REFUNDED', 'ru')).toBe('Деньги возвращены');
    expect(paymentStatusLabel('REFUNDED', 'en')).toBe('Money refunded');
  });
});
