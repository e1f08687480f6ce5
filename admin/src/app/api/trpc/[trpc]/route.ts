import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/trpc';
import { getStaffIdentity } from '~/server/auth/session';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => createTRPCContext({ headers: req.headers, staff: await getStaffIdentity(req.headers) }),
    onError:
      process.env.NODE_ENV === 'development'
        ? ({ path, error }) => console.error(`tRPC failed on ${path ?? '<no-path>'}: ${error.message}`)
        : undefined,
  });

export { handler as GET, handler as POST };
