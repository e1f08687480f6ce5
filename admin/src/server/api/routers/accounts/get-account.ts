import { getAccount } from '../../../reference/accounts';
import { roleProcedure } from '../../trpc';
import { ZGetAccountRequest, ZGetAccountResponse } from './get-account.types';

export const getAccountRoute = roleProcedure('admin')
  .input(ZGetAccountRequest)
  .output(ZGetAccountResponse)
  .query(({ ctx, input }) => getAccount({ prisma: ctx.prisma, id: input.id }));
