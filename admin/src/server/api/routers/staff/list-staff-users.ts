import { listStaffUsers } from '~/server/staff/staff-users';
import { roleProcedure } from '~/server/api/trpc';
import { ZListStaffUsersResponse } from './list-staff-users.types';

export const listStaffUsersRoute = roleProcedure('admin')
  .output(ZListStaffUsersResponse)
  .query(({ ctx }) => listStaffUsers({ prisma: ctx.prisma }));
