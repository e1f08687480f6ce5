import { updateStaffRoles } from '~/server/staff/staff-users';
import { roleProcedure } from '~/server/api/trpc';
import { ZUpdateStaffRolesRequest, ZUpdateStaffRolesResponse } from './update-staff-roles.types';

export const updateStaffRolesRoute = roleProcedure('admin')
  .input(ZUpdateStaffRolesRequest)
  .output(ZUpdateStaffRolesResponse)
  .mutation(({ ctx, input }) => updateStaffRoles({ prisma: ctx.prisma, actor: ctx.staff, ...input }));
