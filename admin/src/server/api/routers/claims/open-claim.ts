import { serverEnv } from '@voltpay/stack/env';
import { openClaim } from '~/server/claims/open-claim';
import { roleProcedure } from '~/server/api/trpc';
import { ZOpenClaimRequest, ZOpenClaimResponse } from './open-claim.types';
import { toClaimRow } from './shared.types';

export const openClaimRoute = roleProcedure('sales')
  .input(ZOpenClaimRequest)
  .output(ZOpenClaimResponse)
  .mutation(async ({ ctx, input }) => toClaimRow(await openClaim({ prisma: ctx.prisma, receiptSecret: serverEnv.RECEIPT_SECRET, staff: ctx.staff, input })));
