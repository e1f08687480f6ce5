import { z } from 'zod';

export const ZGetAuditFacetsResponse = z.object({ actions: z.array(z.string()), targetTypes: z.array(z.string()) });

export type TGetAuditFacetsResponse = z.infer<typeof ZGetAuditFacetsResponse>;
