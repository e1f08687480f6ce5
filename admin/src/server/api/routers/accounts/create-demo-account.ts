import { createDemoAccount } from '../../../reference/accounts';
import { roleProcedure } from '../../trpc';
import { ZCreateDemoAccountRequest, ZCreateDemoAccountResponse } from './create-demo-account.types';

export const createDemoAccountRoute = roleProcedure('admin')
  .input(ZCreateDemoAccountRequest)
  .output(ZCreateDemoAccountResponse)
  .mutation(({ ctx, input }) => createDemoAccount({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
