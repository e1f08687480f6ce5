import { TRPCError } from '@trpc/server';
import { loadClaim } from '~/server/claims/load-claim';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetClaimRequest, ZGetClaimResponse } from './get-claim.types';

export const getClaimRoute = roleProcedure('sales', 'admin')
  .input(ZGetClaimRequest)
  .output(ZGetClaimResponse)
  .query(async ({ ctx, input }) => {
    const loaded = await loadClaim({ prisma: ctx.prisma, claimId: input.claimId });
    if (!loaded) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена.' });
    return loaded;
  });
