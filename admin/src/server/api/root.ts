import { createCallerFactory, createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system/router';
import { receiptsRouter } from './routers/receipts/router';
import { paymentsRouter } from './routers/payments/router';
import { claimsRouter } from './routers/claims/router';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  receipts: receiptsRouter,
  payments: paymentsRouter,
  claims: claimsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
