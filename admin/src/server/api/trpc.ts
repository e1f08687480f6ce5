// The tRPC setup of the staff console: context, error shape and the procedure tiers.
// Staff- and role-guarded procedures arrive with sign-in; until then only `publicProcedure` exists.
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError, z } from 'zod';

export type CreateTRPCContextOptions = { headers: Headers };

export const createTRPCContext = async ({ headers }: CreateTRPCContextOptions) => ({ headers });

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: {
      ...shape.data,
      // Field-level validation messages the console's forms can show next to the field.
      zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
    },
  }),
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
