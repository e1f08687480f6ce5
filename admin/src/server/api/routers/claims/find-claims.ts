import { findClaims } from '~/server/claims/find-claims';
import { roleProcedure } from '~/server/api/trpc';
import { ZFindClaimsRequest, ZFindClaimsResponse } from './find-claims.types';

export const findClaimsRoute = roleProcedure('sales', 'admin')
  .input(ZFindClaimsRequest)
  .output(ZFindClaimsResponse)
  .query(({ ctx, input }) => findClaims({ prisma: ctx.prisma, ...input }));
