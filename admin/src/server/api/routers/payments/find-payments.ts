import { findPayments } from '~/server/payments/find-payments';
import { roleProcedure } from '~/server/api/trpc';
import { ZFindPaymentsRequest, ZFindPaymentsResponse } from './find-payments.types';

export const findPaymentsRoute = roleProcedure('sales', 'operator', 'admin')
  .input(ZFindPaymentsRequest)
  .output(ZFindPaymentsResponse)
  .query(({ ctx, input: { sort, direction, page, pageSize, amount, ...filter } }) =>
    findPayments({ prisma: ctx.prisma, filter: { ...filter, amountKopecks: amount }, sort: { field: sort, direction }, page, pageSize }),
  );
