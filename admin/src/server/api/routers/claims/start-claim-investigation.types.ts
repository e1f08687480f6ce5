import { z } from 'zod';
import { ZClaimId, ZClaimRow } from './shared.types';

export const ZStartClaimInvestigationRequest = z.object({ claimId: ZClaimId });
export const ZStartClaimInvestigationResponse = ZClaimRow;

export type TStartClaimInvestigationRequest = z.input<typeof ZStartClaimInvestigationRequest>;
export type TStartClaimInvestigationResponse = z.infer<typeof ZStartClaimInvestigationResponse>;
