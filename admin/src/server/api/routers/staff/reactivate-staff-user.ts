import { reactivateStaffUser } from '~/server/staff/staff-users';
import { roleProcedure } from '~/server/api/trpc';
import { ZReactivateStaffUserRequest, ZReactivateStaffUserResponse } from './reactivate-staff-user.types';

export const reactivateStaffUserRoute = roleProcedure('admin')
  .input(ZReactivateStaffUserRequest)
  .output(ZReactivateStaffUserResponse)
  .mutation(({ ctx, input }) => reactivateStaffUser({ prisma: ctx.prisma, actor: ctx.staff, id: input.id }));
