import { findOperatorQueue, OPERATOR_QUEUE_STATUSES } from '~/server/operations/operator-queue';
import { roleProcedure } from '~/server/api/trpc';
import { ZFindOperatorQueueRequest, ZFindOperatorQueueResponse } from './find-operator-queue.types';

export const findOperatorQueueRoute = roleProcedure('operator')
  .input(ZFindOperatorQueueRequest)
  .output(ZFindOperatorQueueResponse)
  .query(({ ctx, input }) =>
    findOperatorQueue({
      prisma: ctx.prisma,
      temporal: ctx.temporal,
      statuses: input.queue === 'ALL' ? OPERATOR_QUEUE_STATUSES : [input.queue],
      page: input.page,
      pageSize: input.pageSize,
    }),
  );
