import { z } from 'zod';
import { ZDistrictKind, ZName, ZSortOrder } from '~/server/reference/schemas';

export const ZCreateDistrictRequest = z.object({
  /** Stable slug (`azovsky`): URLs and the seed key on it; not editable later. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,64}$/, { error: 'Код — латиница в нижнем регистре, цифры и дефис, от 2 до 64 знаков (azovsky).' }),
  name: ZName,
  kind: ZDistrictKind,
  sortOrder: ZSortOrder,
});

export const ZCreateDistrictResponse = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: ZDistrictKind, sortOrder: z.number().int() });

export type TCreateDistrictRequest = z.input<typeof ZCreateDistrictRequest>;
export type TCreateDistrictResponse = z.infer<typeof ZCreateDistrictResponse>;
