import { deactivateStaffUser } from '~/server/staff/staff-users';
import { roleProcedure } from '~/server/api/trpc';
import { ZDeactivateStaffUserRequest, ZDeactivateStaffUserResponse } from './deactivate-staff-user.types';

export const deactivateStaffUserRoute = roleProcedure('admin')
  .input(ZDeactivateStaffUserRequest)
  .output(ZDeactivateStaffUserResponse)
  .mutation(({ ctx, input }) => deactivateStaffUser({ prisma: ctx.prisma, actor: ctx.staff, id: input.id }));
