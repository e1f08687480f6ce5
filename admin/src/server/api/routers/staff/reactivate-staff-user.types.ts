import { type z } from 'zod';
import { ZStaffUser, ZStaffUserId } from './shared.types';

export const ZReactivateStaffUserRequest = ZStaffUserId;

export const ZReactivateStaffUserResponse = ZStaffUser;

export type TReactivateStaffUserRequest = z.input<typeof ZReactivateStaffUserRequest>;
export type TReactivateStaffUserResponse = z.infer<typeof ZReactivateStaffUserResponse>;
