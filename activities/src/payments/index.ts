// The payment activities that read accounts and bills and keep the read model.
import type { PrismaClient } from '@voltpay/prisma';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import { findAccount } from './accounts';
import { loadPeriodBill } from './bills';
import { recordPayment } from './read-model';
import { holdReadings, releaseReadings } from './readings';

export { findAccount } from './accounts';
export { loadPeriodBill } from './bills';
export { recordPayment } from './read-model';
export { lastRecordedReadings } from './readings';

export const createPaymentActivities = ({ prisma, demoMode }: { prisma: PrismaClient; demoMode: boolean }) =>
  ({
    findAccount: (ref) => findAccount({ prisma, ref, demoMode }),
    loadPeriodBill: ({ accountId, period, paymentId }) => loadPeriodBill({ prisma, accountId, period, ...(paymentId ? { paymentId } : {}) }),
    recordPayment: (record) => recordPayment({ prisma, record }),
    holdReadings: (input) => holdReadings({ prisma, input }),
    releaseReadings: ({ paymentId }) => releaseReadings({ prisma, paymentId }),
  }) satisfies Pick<PaymentActivities, 'findAccount' | 'loadPeriodBill' | 'recordPayment' | 'holdReadings' | 'releaseReadings'>;
