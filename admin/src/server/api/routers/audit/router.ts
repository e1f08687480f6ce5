import { createTRPCRouter } from '~/server/api/trpc';
import { findAuditEntriesRoute } from './find-audit-entries';
import { getAuditFacetsRoute } from './get-audit-facets';

export const auditRouter = createTRPCRouter({
  findAuditEntries: findAuditEntriesRoute,
  getAuditFacets: getAuditFacetsRoute,
});
