import { z } from 'zod';
import { ZStaffUser } from './shared.types';

export const ZListStaffUsersResponse = z.array(ZStaffUser.extend({ activeSessions: z.number().int().nonnegative() }));

export type TListStaffUsersResponse = z.infer<typeof ZListStaffUsersResponse>;
