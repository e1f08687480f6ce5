// The one QueryClient recipe for the console, shared by server prefetching and the browser: superjson
// carries Dates and BigInts through hydration, and pending queries prefetched on the server stream in.
import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';
import superjson from 'superjson';

export const makeQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // Data rendered on the server is fresh for a short while, so the browser does not refetch at once.
      queries: { staleTime: 30_000 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
