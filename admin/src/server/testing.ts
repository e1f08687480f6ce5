// What cross-package tests (test/) drive the console's procedures with: the real router and
// context, a member of staff of the test's choosing, and the test's own Prisma client.
// Everything under src/server imports relatively (no `~/`), so this resolves outside Next too.
export { appRouter, createCaller } from './api/root';
export { createTRPCContext, type StaffIdentity, type ProcedureMeta } from './api/trpc';
export { recordAudit, auditedTransaction } from './audit/audit';
export { fetchAcquirerView } from './payments/acquirer-view';
export { hashStaffSessionToken } from './auth/config';
export { sendStaffSignInEmail } from './auth/sign-in-email';
