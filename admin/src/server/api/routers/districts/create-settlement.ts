import { createSettlement } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateSettlementRequest, ZCreateSettlementResponse } from './create-settlement.types';

export const createSettlementRoute = roleProcedure('admin')
  .input(ZCreateSettlementRequest)
  .output(ZCreateSettlementResponse)
  .mutation(({ ctx, input }) => createSettlement({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
