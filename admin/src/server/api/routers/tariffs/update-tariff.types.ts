import { z } from 'zod';
import { ZId, ZIsoDate, ZRateText } from '~/server/reference/schemas';
import { ZTariffView } from './list-tariffs.types';

/** Only what is given changes; `validTo: null` makes the period open-ended. */
export const ZUpdateTariffRequest = z.object({
  id: ZId,
  rate: ZRateText.optional(),
  validFrom: ZIsoDate.optional(),
  validTo: ZIsoDate.nullable().optional(),
});

export const ZUpdateTariffResponse = ZTariffView;

export type TUpdateTariffRequest = z.input<typeof ZUpdateTariffRequest>;
export type TUpdateTariffResponse = z.infer<typeof ZUpdateTariffResponse>;
