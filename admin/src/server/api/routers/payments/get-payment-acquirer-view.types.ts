import { z } from 'zod';
import { ZAcquirerView } from './shared.types';

export const ZGetPaymentAcquirerViewRequest = z.object({ paymentId: z.uuid('Неверный идентификатор платежа.') });
export const ZGetPaymentAcquirerViewResponse = ZAcquirerView;

export type TGetPaymentAcquirerViewRequest = z.input<typeof ZGetPaymentAcquirerViewRequest>;
export type TGetPaymentAcquirerViewResponse = z.infer<typeof ZGetPaymentAcquirerViewResponse>;
