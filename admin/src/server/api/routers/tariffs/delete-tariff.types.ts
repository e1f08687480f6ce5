import { z } from 'zod';
import { ZId } from '~/server/reference/schemas';

export const ZDeleteTariffRequest = z.object({ id: ZId });
export const ZDeleteTariffResponse = z.object({ id: z.string() });

export type TDeleteTariffRequest = z.infer<typeof ZDeleteTariffRequest>;
export type TDeleteTariffResponse = z.infer<typeof ZDeleteTariffResponse>;
