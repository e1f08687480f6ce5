import { z } from 'zod';
import { ZPaymentId } from './shared.types';

export const ZApproveDeclaredReadingsRequest = ZPaymentId;
export const ZApproveDeclaredReadingsResponse = z.object({ approved: z.number().int() });

export type TApproveDeclaredReadingsRequest = z.input<typeof ZApproveDeclaredReadingsRequest>;
