// tRPC from server components, in-process, with the incoming request's headers and session:
// `await api.area.proc(input)` for data the page renders; `trpc` + `prefetch` + <HydrateClient> to
// warm the cache for client components that read it with useTRPC(). Imports next/headers, so a
// client component importing it fails the build.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { appRouter, createCaller } from '../server/api/root';
import { createTRPCContext } from '../server/api/trpc';
import { getStaffIdentity } from '../server/auth/session';
import { makeQueryClient } from './query-client';

const createContext = cache(async () => {
  const heads = new Headers(await headers());
  heads.set('x-trpc-source', 'rsc');
  return createTRPCContext({ headers: heads, staff: await getStaffIdentity(heads) });
});

/** One QueryClient per request. */
export const getQueryClient = cache(makeQueryClient);

export const api = createCaller(createContext);

export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Starts a query on the server; a client component below <HydrateClient> gets its result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
export const prefetch = <T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) => {
  void getQueryClient().prefetchQuery(queryOptions);
};

export const HydrateClient = ({ children }: { children: ReactNode }) => <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
