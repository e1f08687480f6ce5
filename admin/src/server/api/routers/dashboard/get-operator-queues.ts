import { getOperatorQueues } from '../../../dashboard/operator-queues';
import { roleProcedure } from '../../trpc';
import { ZGetOperatorQueuesResponse } from './get-operator-queues.types';

export const getOperatorQueuesRoute = roleProcedure('admin', 'sales', 'operator')
  .output(ZGetOperatorQueuesResponse)
  .query(({ ctx }) => getOperatorQueues({ prisma: ctx.prisma }));
