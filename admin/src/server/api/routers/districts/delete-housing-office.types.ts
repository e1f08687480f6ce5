import { z } from 'zod';
import { ZId } from '~/server/reference/schemas';

export const ZDeleteHousingOfficeRequest = z.object({ id: ZId });
export const ZDeleteHousingOfficeResponse = z.object({ id: z.string() });

export type TDeleteHousingOfficeRequest = z.infer<typeof ZDeleteHousingOfficeRequest>;
export type TDeleteHousingOfficeResponse = z.infer<typeof ZDeleteHousingOfficeResponse>;
