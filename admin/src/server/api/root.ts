import { createCallerFactory, createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system/router';
import { dashboardRouter } from './routers/dashboard/router';
import { receiptsRouter } from './routers/receipts/router';
import { paymentsRouter } from './routers/payments/router';
import { claimsRouter } from './routers/claims/router';
import { tariffsRouter } from './routers/tariffs/router';
import { districtsRouter } from './routers/districts/router';
import { accountsRouter } from './routers/accounts/router';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  dashboard: dashboardRouter,
  receipts: receiptsRouter,
  payments: paymentsRouter,
  claims: claimsRouter,
  tariffs: tariffsRouter,
  districts: districtsRouter,
  accounts: accountsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
