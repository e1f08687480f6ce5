// Calls tRPC procedures from server components, in-process, with the incoming request's headers.
// Imports next/headers, so a client component importing it fails the build.
import { headers } from 'next/headers';
import { cache } from 'react';
import { createCaller } from '~/server/api/root';
import { createTRPCContext } from '~/server/api/trpc';
import { getStaffIdentity } from '~/server/auth/session';

const createContext = cache(async () => {
  const heads = new Headers(await headers());
  heads.set('x-trpc-source', 'rsc');
  return createTRPCContext({ headers: heads, staff: await getStaffIdentity(heads) });
});

export const api = createCaller(createContext);
