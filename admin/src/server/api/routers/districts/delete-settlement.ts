import { deleteSettlement } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZDeleteSettlementRequest, ZDeleteSettlementResponse } from './delete-settlement.types';

export const deleteSettlementRoute = roleProcedure('admin')
  .input(ZDeleteSettlementRequest)
  .output(ZDeleteSettlementResponse)
  .mutation(({ ctx, input }) => deleteSettlement({ prisma: ctx.prisma, staff: ctx.staff, id: input.id }));
