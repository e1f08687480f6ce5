import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { env } from '~/env';
import { appRouter } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/trpc';
import { assertSameOrigin } from '~/server/auth/csrf';
import { getStaffIdentity } from '~/server/auth/session';
import { log } from '~/server/log';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      // Thrown here, the refusal reaches the client as a tRPC FORBIDDEN before any procedure runs.
      assertSameOrigin({ method: req.method, headers: req.headers, publicUrl: env.ADMIN_PUBLIC_URL });
      return createTRPCContext({ headers: req.headers, staff: await getStaffIdentity(req.headers) });
    },
    onError:
      process.env.NODE_ENV === 'development' ? ({ path, error }) => log.error({ path: path ?? '<no-path>', error: error.message }, 'tRPC failed') : undefined,
  });

export { handler as GET, handler as POST };
