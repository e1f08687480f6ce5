import { updateDemoAccount } from '../../../reference/accounts';
import { roleProcedure } from '../../trpc';
import { ZUpdateDemoAccountRequest, ZUpdateDemoAccountResponse } from './update-demo-account.types';

export const updateDemoAccountRoute = roleProcedure('admin')
  .input(ZUpdateDemoAccountRequest)
  .output(ZUpdateDemoAccountResponse)
  .mutation(({ ctx, input }) => updateDemoAccount({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
