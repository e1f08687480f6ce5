// The payment activities that read accounts and bills and keep the read model.
import type { PrismaClient } from '@voltpay/prisma';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import { findAccount } from './accounts';
import { loadPeriodBill } from './bills';
import { recordPayment } from './read-model';

export { findAccount, maskAddress } from './accounts';
export { loadPeriodBill } from './bills';
export { recordPayment } from './read-model';

export const createPaymentActivities = ({ prisma }: { prisma: PrismaClient }) =>
  ({
    findAccount: (ref) => findAccount({ prisma, ref }),
    loadPeriodBill: ({ accountId, period }) => loadPeriodBill({ prisma, accountId, period }),
    recordPayment: (record) => recordPayment({ prisma, record }),
  }) satisfies Pick<PaymentActivities, 'findAccount' | 'loadPeriodBill' | 'recordPayment'>;
