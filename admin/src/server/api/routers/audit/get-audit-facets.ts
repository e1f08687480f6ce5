import { getAuditFacets } from '../../../audit/find-audit-entries';
import { roleProcedure } from '../../trpc';
import { ZGetAuditFacetsResponse } from './get-audit-facets.types';

export const getAuditFacetsRoute = roleProcedure('admin')
  .output(ZGetAuditFacetsResponse)
  .query(({ ctx }) => getAuditFacets({ prisma: ctx.prisma }));
