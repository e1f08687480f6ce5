import { deactivateStaffUser } from '../../../staff/staff-users';
import { roleProcedure } from '../../trpc';
import { ZDeactivateStaffUserRequest, ZDeactivateStaffUserResponse } from './deactivate-staff-user.types';

export const deactivateStaffUserRoute = roleProcedure('admin')
  .input(ZDeactivateStaffUserRequest)
  .output(ZDeactivateStaffUserResponse)
  .mutation(({ ctx, input }) => deactivateStaffUser({ prisma: ctx.prisma, actor: ctx.staff, id: input.id }));
