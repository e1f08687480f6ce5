import { reactivateStaffUser } from '../../../staff/staff-users';
import { roleProcedure } from '../../trpc';
import { ZReactivateStaffUserRequest, ZReactivateStaffUserResponse } from './reactivate-staff-user.types';

export const reactivateStaffUserRoute = roleProcedure('admin')
  .input(ZReactivateStaffUserRequest)
  .output(ZReactivateStaffUserResponse)
  .mutation(({ ctx, input }) => reactivateStaffUser({ prisma: ctx.prisma, actor: ctx.staff, id: input.id }));
