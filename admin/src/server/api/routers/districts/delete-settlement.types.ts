import { z } from 'zod';
import { ZId } from '~/server/reference/schemas';

export const ZDeleteSettlementRequest = z.object({ id: ZId });
export const ZDeleteSettlementResponse = z.object({ id: z.string() });

export type TDeleteSettlementRequest = z.infer<typeof ZDeleteSettlementRequest>;
export type TDeleteSettlementResponse = z.infer<typeof ZDeleteSettlementResponse>;
