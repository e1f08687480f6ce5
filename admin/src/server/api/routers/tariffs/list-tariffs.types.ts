import { z } from 'zod';
import { ZLocality, ZStove, ZZone } from '~/server/reference/schemas';

export const ZListTariffsRequest = z.void();

export const ZTariffView = z.object({
  id: z.string(),
  locality: ZLocality,
  stove: ZStove,
  zone: ZZone,
  rateCentikopecks: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isDemo: z.boolean(),
  status: z.enum(['PAST', 'CURRENT', 'FUTURE']),
  completedPayments: z.number().int(),
});

export const ZListTariffsResponse = z.object({
  /** Today in Omsk, `YYYY-MM-DD`: what "future" is measured against. */
  today: z.string(),
  tariffs: z.array(ZTariffView),
});

export type TTariffView = z.infer<typeof ZTariffView>;
export type TListTariffsResponse = z.infer<typeof ZListTariffsResponse>;
