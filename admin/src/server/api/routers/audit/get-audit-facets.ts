import { getAuditFacets } from '~/server/audit/find-audit-entries';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetAuditFacetsResponse } from './get-audit-facets.types';

export const getAuditFacetsRoute = roleProcedure('admin')
  .output(ZGetAuditFacetsResponse)
  .query(({ ctx }) => getAuditFacets({ prisma: ctx.prisma }));
