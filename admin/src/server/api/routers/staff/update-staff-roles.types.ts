import { type z } from 'zod';
import { ZStaffRoles, ZStaffUser, ZStaffUserId } from './shared.types';

export const ZUpdateStaffRolesRequest = ZStaffUserId.extend({ roles: ZStaffRoles });

export const ZUpdateStaffRolesResponse = ZStaffUser;

export type TUpdateStaffRolesRequest = z.input<typeof ZUpdateStaffRolesRequest>;
export type TUpdateStaffRolesResponse = z.infer<typeof ZUpdateStaffRolesResponse>;
