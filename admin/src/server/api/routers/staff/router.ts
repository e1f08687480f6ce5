import { createTRPCRouter } from '~/server/api/trpc';
import { createStaffUserRoute } from './create-staff-user';
import { deactivateStaffUserRoute } from './deactivate-staff-user';
import { listStaffUsersRoute } from './list-staff-users';
import { reactivateStaffUserRoute } from './reactivate-staff-user';
import { updateStaffRolesRoute } from './update-staff-roles';

export const staffRouter = createTRPCRouter({
  listStaffUsers: listStaffUsersRoute,
  createStaffUser: createStaffUserRoute,
  updateStaffRoles: updateStaffRolesRoute,
  deactivateStaffUser: deactivateStaffUserRoute,
  reactivateStaffUser: reactivateStaffUserRoute,
});
