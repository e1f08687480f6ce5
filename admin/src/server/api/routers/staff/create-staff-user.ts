import { createStaffUser } from '~/server/staff/staff-users';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateStaffUserRequest, ZCreateStaffUserResponse } from './create-staff-user.types';

export const createStaffUserRoute = roleProcedure('admin')
  .input(ZCreateStaffUserRequest)
  .output(ZCreateStaffUserResponse)
  .mutation(({ ctx, input }) => createStaffUser({ prisma: ctx.prisma, actor: ctx.staff, ...input }));
