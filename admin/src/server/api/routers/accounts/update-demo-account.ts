import { updateDemoAccount } from '~/server/reference/accounts';
import { roleProcedure } from '~/server/api/trpc';
import { ZUpdateDemoAccountRequest, ZUpdateDemoAccountResponse } from './update-demo-account.types';

export const updateDemoAccountRoute = roleProcedure('admin')
  .input(ZUpdateDemoAccountRequest)
  .output(ZUpdateDemoAccountResponse)
  .mutation(({ ctx, input }) => updateDemoAccount({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
