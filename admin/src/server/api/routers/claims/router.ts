import { createTRPCRouter } from '~/server/api/trpc';
import { addClaimNoteRoute } from './add-claim-note';
import { findClaimsRoute } from './find-claims';
import { getClaimRoute } from './get-claim';
import { openClaimRoute } from './open-claim';
import { resolveClaimRoute } from './resolve-claim';
import { startClaimInvestigationRoute } from './start-claim-investigation';

export const claimsRouter = createTRPCRouter({
  findClaims: findClaimsRoute,
  getClaim: getClaimRoute,
  openClaim: openClaimRoute,
  addClaimNote: addClaimNoteRoute,
  startClaimInvestigation: startClaimInvestigationRoute,
  resolveClaim: resolveClaimRoute,
});
