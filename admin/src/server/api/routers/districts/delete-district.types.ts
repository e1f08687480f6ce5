import { z } from 'zod';
import { ZId } from '~/server/reference/schemas';

export const ZDeleteDistrictRequest = z.object({ id: ZId });
export const ZDeleteDistrictResponse = z.object({ id: z.string() });

export type TDeleteDistrictRequest = z.infer<typeof ZDeleteDistrictRequest>;
export type TDeleteDistrictResponse = z.infer<typeof ZDeleteDistrictResponse>;
