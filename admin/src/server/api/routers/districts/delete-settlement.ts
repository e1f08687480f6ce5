import { deleteSettlement } from '../../../reference/places';
import { roleProcedure } from '../../trpc';
import { ZDeleteSettlementRequest, ZDeleteSettlementResponse } from './delete-settlement.types';

export const deleteSettlementRoute = roleProcedure('admin')
  .input(ZDeleteSettlementRequest)
  .output(ZDeleteSettlementResponse)
  .mutation(({ ctx, input }) => deleteSettlement({ prisma: ctx.prisma, staff: ctx.staff, id: input.id }));
