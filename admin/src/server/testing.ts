// What cross-package tests (test/) drive the console's procedures with: the real router and
// context, a member of staff of the test's choosing, and the test's own Prisma client.
// Its `~/` imports resolve outside Next too: Vitest reads each file's tsconfig paths
// (test/vitest.config.ts), and test/ and bench/ map `~/` to admin/src for tsc and tsx.
export { appRouter, createCaller } from './api/root';
export { createTRPCContext, type StaffIdentity, type ProcedureMeta } from './api/trpc';
export { recordAudit, auditedTransaction } from './audit/audit';
export { fetchAcquirerView } from './payments/acquirer-view';
export { hashStaffSessionToken } from './auth/config';
export { sendStaffSignInEmail } from './auth/sign-in-email';
