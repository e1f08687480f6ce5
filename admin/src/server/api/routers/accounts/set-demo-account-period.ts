import { setDemoAccountPeriod } from '~/server/reference/accounts';
import { roleProcedure } from '~/server/api/trpc';
import { ZSetDemoAccountPeriodRequest, ZSetDemoAccountPeriodResponse } from './set-demo-account-period.types';

export const setDemoAccountPeriodRoute = roleProcedure('admin')
  .input(ZSetDemoAccountPeriodRequest)
  .output(ZSetDemoAccountPeriodResponse)
  .mutation(({ ctx, input }) =>
    setDemoAccountPeriod({
      prisma: ctx.prisma,
      staff: ctx.staff,
      accountId: input.accountId,
      period: input.period,
      commonAreaKopecks: input.commonArea,
      penaltyKopecks: input.penalty,
      electricityKopecks: input.electricity,
      debtKopecks: input.debt,
    }),
  );
