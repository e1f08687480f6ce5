// Component tests of the console (`*.test.tsx` under happy-dom): Mantine in its test mode (no
// transitions, no portals), and tRPC answered in-process from a table of procedures, so a test
// drives the real component and reads what it asked the server for.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { TRPCClientError, createTRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { Suspense, type ReactNode } from 'react';
import type { AppRouter } from '~/server/api/root';
import { TRPCProvider } from '~/trpc/react';

export type TrpcCall = { path: string; type: string; input: unknown };

/** A refusal as the server's errorFormatter shapes it: `fieldErrors` puts a message under its field. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

type Handler = (input: unknown) => unknown;

export const renderConsole = (ui: ReactNode, procedures: Record<string, Handler>) => {
  const calls: TrpcCall[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, type: op.type, input: op.input });
        const handler = procedures[op.path];
        Promise.resolve()
          .then(() => {
            if (!handler) throw new Refusal(`no procedure ${op.path} in this test`, {}, 'NOT_FOUND');
            return handler(op.input);
          })
          .then(
            (data) => {
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (error: unknown) => {
              const refusal = error instanceof Refusal ? error : new Refusal(String(error), {}, 'INTERNAL_SERVER_ERROR');
              const zodError = Object.keys(refusal.fieldErrors).length ? { formErrors: [], fieldErrors: refusal.fieldErrors } : null;
              observer.error(
                TRPCClientError.from({
                  error: { code: -32600, message: refusal.message, data: { code: refusal.code, httpStatus: 400, path: op.path, zodError } },
                }),
              );
            },
          );
      });
  const trpcClient = createTRPCClient<AppRouter>({ links: [link] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <Suspense fallback={<p>Загрузка…</p>}>{ui}</Suspense>
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, calls, queryClient };
};
