import { serverEnv } from '@voltpay/stack/env';
import { resolveClaim } from '~/server/claims/resolve-claim';
import { getAcquirerGateway } from '~/server/payments/acquirer-view';
import { roleProcedure } from '~/server/api/trpc';
import { ZResolveClaimRequest, ZResolveClaimResponse } from './resolve-claim.types';
import { toClaimRow } from './shared.types';

export const resolveClaimRoute = roleProcedure('sales')
  .input(ZResolveClaimRequest)
  .output(ZResolveClaimResponse)
  .mutation(async ({ ctx, input }) =>
    toClaimRow(
      await resolveClaim({
        prisma: ctx.prisma,
        temporal: ctx.temporal,
        gateway: getAcquirerGateway(),
        webPublicUrl: serverEnv.WEB_PUBLIC_URL,
        staff: ctx.staff,
        ...input,
      }),
    ),
  );
