// Mocked payment activities for workflow tests on the time-skipping server (STYLE rule 8): one
// vi.fn per activity of the contract, reset before each test to a single-rate city account whose
// period is priced at 657,00 ₽/100 kWh and whose fulfilment steps all succeed. Tests override
// what they exercise.
import { randomUUID } from 'node:crypto';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import { addMonths } from '@voltpay/domain/period';
import { vi } from 'vitest';

/** 100 kWh at 657,00 kopecks per kWh: what a 1000 → 1100 reading costs with the mocked bill. */
export const MOCK_TOTAL_KOPECKS = 65_700;

export type PaymentActivityMocks = { [K in keyof PaymentActivities]: ReturnType<typeof vi.fn<PaymentActivities[K]>> };

export const createPaymentActivityMocks = (): PaymentActivityMocks =>
  ({
    findAccount: vi.fn<PaymentActivities['findAccount']>(),
    loadPeriodBill: vi.fn<PaymentActivities['loadPeriodBill']>(),
    recordPayment: vi.fn<PaymentActivities['recordPayment']>(),
    holdReadings: vi.fn<PaymentActivities['holdReadings']>(),
    releaseReadings: vi.fn<PaymentActivities['releaseReadings']>(),
    createAcquirerOrder: vi.fn<PaymentActivities['createAcquirerOrder']>(),
    getAcquirerOrder: vi.fn<PaymentActivities['getAcquirerOrder']>(),
    voidAcquirerOrder: vi.fn<PaymentActivities['voidAcquirerOrder']>(),
    refundAcquirerOrder: vi.fn<PaymentActivities['refundAcquirerOrder']>(),
    postToLedger: vi.fn<PaymentActivities['postToLedger']>(),
    postRefundToLedger: vi.fn<PaymentActivities['postRefundToLedger']>(),
    issueReceipt: vi.fn<PaymentActivities['issueReceipt']>(),
    deliverReceipt: vi.fn<PaymentActivities['deliverReceipt']>(),
  }) satisfies PaymentActivities;

/**
 * Resets every mock, then gives the defaults: the account and `period` (the month before the test
 * server's "now", which each test reads from the server's own clock), the bill, a created acquirer
 * order `orderId`, a posting, a receipt. Acquirer answers (getAcquirerOrder…) are the test's.
 */
export const resetPaymentActivityMocks = (mocks: PaymentActivityMocks, { period, orderId }: { period: string; orderId: string }) => {
  for (const mock of Object.values(mocks)) mock.mockReset();
  mocks.findAccount.mockResolvedValue({
    found: true,
    account: {
      accountId: randomUUID(),
      number: '99991234567',
      districtCode: 'omsk',
      districtName: 'Омск',
      districtKind: 'CITY',
      settlementName: 'Омск',
      maskedAddress: 'г. Омск, ул. Ленина, д. 12, кв. ••',
      tariffPlan: 'SINGLE_RATE',
      stove: 'GAS',
      locality: 'URBAN',
      meterCapacity: 99999,
    },
    periods: [{ period, debtKopecks: 0 }],
  });
  mocks.loadPeriodBill.mockImplementation(async () => ({
    period,
    tariff: { validFrom: '2025-07-01', rates: [{ zone: 'SINGLE', rateCentikopecks: 65_700 }] },
    lastReadings: [{ zone: 'SINGLE', value: 1000, period: addMonths(period, -1) }],
    commonAreaKopecks: 0,
    penaltyKopecks: 0,
    debtKopecks: 0,
  }));
  mocks.recordPayment.mockResolvedValue();
  mocks.holdReadings.mockResolvedValue({ ok: true });
  mocks.releaseReadings.mockResolvedValue({ released: 1 });
  mocks.createAcquirerOrder.mockResolvedValue({ orderId, paymentUrl: `http://acquirer.test/pay/${orderId}` });
  mocks.postToLedger.mockResolvedValue({ postingId: randomUUID(), created: true });
  mocks.issueReceipt.mockResolvedValue({
    number: '20261126-000001',
    verificationCode: 'ABCD-EFGH-JKMN',
    verificationUrl: 'http://web.test/receipts/verify',
    issuedAt: new Date().toISOString(),
    totalKopecks: MOCK_TOTAL_KOPECKS,
  });
};
