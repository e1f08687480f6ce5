'use client';
// tRPC in client components: wrap once (root layout), then `const trpc = useTRPC()` and hand
// `trpc.area.proc.queryOptions(input)` / `.mutationOptions()` to TanStack Query's hooks.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '../server/api/root';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

// The server renders each request with a fresh client; the browser keeps one for the whole visit,
// or React would throw its cache away whenever a component suspends during the first render.
const getQueryClient = () => {
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
};

export const TRPCReactProvider = ({ children }: { children: ReactNode }) => {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          // Same origin: the browser sends the session cookie and, on POST, the Origin the server checks.
          url: '/api/trpc',
          transformer: superjson,
          headers: () => ({ 'x-trpc-source': 'react' }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
};
