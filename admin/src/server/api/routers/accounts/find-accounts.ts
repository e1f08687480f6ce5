import { findAccounts } from '~/server/reference/accounts';
import { roleProcedure } from '~/server/api/trpc';
import { ZFindAccountsRequest, ZFindAccountsResponse } from './find-accounts.types';

export const findAccountsRoute = roleProcedure('admin')
  .input(ZFindAccountsRequest)
  .output(ZFindAccountsResponse)
  .query(({ ctx, input }) =>
    findAccounts({
      prisma: ctx.prisma,
      demo: input.demo,
      page: input.page,
      ...(input.query ? { query: input.query } : {}),
      ...(input.districtId ? { districtId: input.districtId } : {}),
    }),
  );
