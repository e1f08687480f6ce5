import { startClaimInvestigation } from '~/server/claims/start-claim-investigation';
import { roleProcedure } from '~/server/api/trpc';
import { toClaimRow } from './shared.types';
import { ZStartClaimInvestigationRequest, ZStartClaimInvestigationResponse } from './start-claim-investigation.types';

export const startClaimInvestigationRoute = roleProcedure('sales')
  .input(ZStartClaimInvestigationRequest)
  .output(ZStartClaimInvestigationResponse)
  .mutation(async ({ ctx, input }) => toClaimRow(await startClaimInvestigation({ prisma: ctx.prisma, staff: ctx.staff, claimId: input.claimId })));
