import { z } from 'zod';
import { ZDistrictKind, ZId, ZName, ZSortOrder } from '~/server/reference/schemas';

export const ZUpdateDistrictRequest = z.object({ id: ZId, name: ZName.optional(), kind: ZDistrictKind.optional(), sortOrder: ZSortOrder.optional() });

export const ZUpdateDistrictResponse = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: ZDistrictKind, sortOrder: z.number().int() });

export type TUpdateDistrictRequest = z.input<typeof ZUpdateDistrictRequest>;
export type TUpdateDistrictResponse = z.infer<typeof ZUpdateDistrictResponse>;
