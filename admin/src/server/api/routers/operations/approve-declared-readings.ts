import { approveDeclaredReadings } from '~/server/readings/declared-readings';
import { roleProcedure } from '~/server/api/trpc';
import { ZApproveDeclaredReadingsRequest, ZApproveDeclaredReadingsResponse } from './approve-declared-readings.types';

export const approveDeclaredReadingsRoute = roleProcedure('operator', 'admin')
  .input(ZApproveDeclaredReadingsRequest)
  .output(ZApproveDeclaredReadingsResponse)
  .mutation(({ ctx, input }) => approveDeclaredReadings({ prisma: ctx.prisma, staff: ctx.staff, paymentId: input.paymentId }));
