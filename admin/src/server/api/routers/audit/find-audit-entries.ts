import { findAuditEntries } from '~/server/audit/find-audit-entries';
import { roleProcedure } from '~/server/api/trpc';
import { ZFindAuditEntriesRequest, ZFindAuditEntriesResponse } from './find-audit-entries.types';

export const findAuditEntriesRoute = roleProcedure('admin')
  .input(ZFindAuditEntriesRequest)
  .output(ZFindAuditEntriesResponse)
  .query(({ ctx, input: { page, pageSize, ...filter } }) => findAuditEntries({ prisma: ctx.prisma, filter, page, pageSize }));
