import { updateStaffRoles } from '../../../staff/staff-users';
import { roleProcedure } from '../../trpc';
import { ZUpdateStaffRolesRequest, ZUpdateStaffRolesResponse } from './update-staff-roles.types';

export const updateStaffRolesRoute = roleProcedure('admin')
  .input(ZUpdateStaffRolesRequest)
  .output(ZUpdateStaffRolesResponse)
  .mutation(({ ctx, input }) => updateStaffRoles({ prisma: ctx.prisma, actor: ctx.staff, ...input }));
