import { getAccount } from '~/server/reference/accounts';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetAccountRequest, ZGetAccountResponse } from './get-account.types';

export const getAccountRoute = roleProcedure('admin')
  .input(ZGetAccountRequest)
  .output(ZGetAccountResponse)
  .query(({ ctx, input }) => getAccount({ prisma: ctx.prisma, id: input.id }));
