// The tRPC setup of the staff console: context, error shape and the procedure tiers (STYLE rule 3).
// `staffProcedure` needs a signed-in, active member of staff; `roleProcedure(...)` one holding any
// of the named roles. Every mutation writes audit_log through ../../audit (in the same transaction
// as a database change; right after the call for a Temporal update).
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Client } from '@temporalio/client';
import { prisma as defaultPrisma, type PrismaClient, type StaffRole } from '@voltpay/prisma';
import { getTemporalClient } from '@voltpay/stack/temporal';
import superjson from 'superjson';
import { ZodError, z } from 'zod';
import { log as serverLog } from '../log';

/** Who is calling, as the session resolved it from the database on this request. */
export type StaffIdentity = { id: string; email: string; name: string; roles: StaffRole[] };

export type CreateTRPCContextOptions = {
  headers: Headers;
  /** The signed-in member of staff, or null. Resolved by the caller (route handler, RSC, tests). */
  staff: StaffIdentity | null;
  /** Tests pass their own; the app uses the process-wide ones. */
  prisma?: PrismaClient;
  temporal?: () => Promise<Client>;
};

export const createTRPCContext = async ({ headers, staff, prisma, temporal }: CreateTRPCContextOptions) => ({
  headers,
  staff,
  prisma: prisma ?? defaultPrisma,
  temporal: temporal ?? getTemporalClient,
});

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

/** Read by the role × procedure matrix test: which roles each procedure admits. */
export type ProcedureMeta = { roles?: StaffRole[] };

/** What staff read when something failed that nobody planned for; the detail goes to the server log only. */
export const INTERNAL_ERROR_MESSAGE = 'Что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, сообщите администратору код ошибки';

type ErrorShape = { message: string; code: number; data: { code: string; httpStatus: number; path?: string; stack?: string } & Record<string, unknown> };

/**
 * The console's error shape: zod issues for the forms, our own refusals (FORBIDDEN, NOT_FOUND,
 * CONFLICT…) as written, and an unexpected failure (a database error, a bug: tRPC's
 * INTERNAL_SERVER_ERROR) as a generic message with a reference, its detail logged on the server:
 * SQL, table names and stack traces tell an attacker more than they help a clerk.
 */
export const formatStaffError = <TShape extends ErrorShape>({
  shape,
  error,
  log = (message, error) => serverLog.error({ err: error }, message),
}: {
  shape: TShape;
  error: TRPCError;
  log?: (message: string, error: unknown) => void;
}): TShape & { data: { zodError: ReturnType<typeof z.flattenError> | null } } => {
  // Field-level validation messages the console's forms can show next to the field.
  const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
  if (error.code !== 'INTERNAL_SERVER_ERROR') return { ...shape, data: { ...shape.data, zodError } };
  const reference = randomUUID().slice(0, 8);
  log(`console error ${reference} on ${shape.data.path ?? '<no path>'}:`, error.cause ?? error);
  const { stack: _stack, ...data } = shape.data;
  return { ...shape, message: `${INTERNAL_ERROR_MESSAGE} ${reference}.`, data: { ...data, zodError } };
};

const t = initTRPC
  .context<TRPCContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => formatStaffError({ shape, error }),
  });

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;

/** Any signed-in, active member of staff; narrows `ctx.staff` to non-null. */
export const staffProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Войдите в консоль.' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/** A member of staff holding at least one of `roles`. Every procedure but the health check declares its roles. */
export const roleProcedure = (...roles: [StaffRole, ...StaffRole[]]) =>
  staffProcedure.meta({ roles }).use(({ ctx, next }) => {
    if (!ctx.staff.roles.some((role) => roles.includes(role))) throw new TRPCError({ code: 'FORBIDDEN', message: `Нужна роль: ${roles.join(' или ')}.` });
    return next({ ctx });
  });

export type StaffContext = TRPCContext & { staff: StaffIdentity };
