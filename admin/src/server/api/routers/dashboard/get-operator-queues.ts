import { getOperatorQueues } from '~/server/dashboard/operator-queues';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetOperatorQueuesResponse } from './get-operator-queues.types';

export const getOperatorQueuesRoute = roleProcedure('admin', 'sales', 'operator')
  .output(ZGetOperatorQueuesResponse)
  .query(({ ctx }) => getOperatorQueues({ prisma: ctx.prisma }));
