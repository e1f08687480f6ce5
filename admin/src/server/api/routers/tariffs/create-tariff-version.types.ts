import { z } from 'zod';
import { ZIsoDate, ZLocality, ZOptionalRateText, ZStove } from '~/server/reference/schemas';
import { ZTariffView } from './list-tariffs.types';

/** A category's new rates from a day; an empty zone keeps its current period running. */
export const ZCreateTariffVersionRequest = z.object({
  locality: ZLocality,
  stove: ZStove,
  validFrom: ZIsoDate,
  singleRate: ZOptionalRateText,
  dayRate: ZOptionalRateText,
  nightRate: ZOptionalRateText,
});

export const ZCreateTariffVersionResponse = z.object({ created: z.array(ZTariffView), closed: z.array(ZTariffView) });

export type TCreateTariffVersionRequest = z.input<typeof ZCreateTariffVersionRequest>;
export type TCreateTariffVersionResponse = z.infer<typeof ZCreateTariffVersionResponse>;
