import { z } from 'zod';
import { ZStaffUser, ZStaffUserId } from './shared.types';

export const ZDeactivateStaffUserRequest = ZStaffUserId;

export const ZDeactivateStaffUserResponse = ZStaffUser.extend({
  /** Sessions deleted with the account: those browsers are signed out on their next request. */
  sessionsEnded: z.number().int().nonnegative(),
});

export type TDeactivateStaffUserRequest = z.input<typeof ZDeactivateStaffUserRequest>;
export type TDeactivateStaffUserResponse = z.infer<typeof ZDeactivateStaffUserResponse>;
