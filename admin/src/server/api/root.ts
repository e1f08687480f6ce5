import { createCallerFactory, createTRPCRouter } from './trpc';
import { systemRouter } from './routers/system/router';

export const appRouter = createTRPCRouter({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
