import { z } from 'zod';
import { ZId, ZName } from '~/server/reference/schemas';
import { ZHousingOfficeIndex } from './create-housing-office.types';

export const ZUpdateHousingOfficeRequest = z.object({ id: ZId, index: ZHousingOfficeIndex.optional(), name: ZName.optional() });

export const ZUpdateHousingOfficeResponse = z.object({ id: z.string(), districtId: z.string(), index: z.string(), name: z.string(), isDemo: z.boolean() });

export type TUpdateHousingOfficeRequest = z.input<typeof ZUpdateHousingOfficeRequest>;
export type TUpdateHousingOfficeResponse = z.infer<typeof ZUpdateHousingOfficeResponse>;
