import { createDemoAccount } from '~/server/reference/accounts';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateDemoAccountRequest, ZCreateDemoAccountResponse } from './create-demo-account.types';

export const createDemoAccountRoute = roleProcedure('admin')
  .input(ZCreateDemoAccountRequest)
  .output(ZCreateDemoAccountResponse)
  .mutation(({ ctx, input }) => createDemoAccount({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
