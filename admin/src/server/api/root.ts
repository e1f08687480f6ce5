import { createCallerFactory, createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system/router';
import { dashboardRouter } from './routers/dashboard/router';
import { staffRouter } from './routers/staff/router';
import { auditRouter } from './routers/audit/router';
import { receiptsRouter } from './routers/receipts/router';
import { paymentsRouter } from './routers/payments/router';
import { claimsRouter } from './routers/claims/router';
import { tariffsRouter } from './routers/tariffs/router';
import { districtsRouter } from './routers/districts/router';
import { accountsRouter } from './routers/accounts/router';
import { operationsRouter } from './routers/operations/router';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  dashboard: dashboardRouter,
  staff: staffRouter,
  audit: auditRouter,
  receipts: receiptsRouter,
  payments: paymentsRouter,
  claims: claimsRouter,
  tariffs: tariffsRouter,
  districts: districtsRouter,
  accounts: accountsRouter,
  operations: operationsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
