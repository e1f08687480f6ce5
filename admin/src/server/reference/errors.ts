// Refusals of reference-data changes, shaped as the console's forms read them: a tRPC error whose
// cause is a ZodError, so the error formatter hands `zodError.fieldErrors[field]` to the form
// exactly as it does for input that failed the request schema.
import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';

type FieldErrorCode = 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN';

/** A refusal tied to one input field (its name as in the request schema); the message says why. */
// ZodRealError, not ZodError: only it is an `Error`, which TRPCError keeps as the cause as it is
// (anything else it wraps, and the formatter's `instanceof ZodError` would no longer see it).
export const fieldError = ({ field, message, code = 'BAD_REQUEST' }: { field: string; message: string; code?: FieldErrorCode }) =>
  new TRPCError({ code, message, cause: new ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]) });

/** A refusal of the whole action (nothing to point at on the form). */
export const actionError = ({ message, code = 'CONFLICT' }: { message: string; code?: FieldErrorCode }) => new TRPCError({ code, message });

type DbErrorFacts = { code?: string; constraint?: string; message: string };

// Prisma (driver adapters) reports a database error as P2002 for unique keys and P2039 with the
// Postgres code in meta.driverAdapterError.cause for others (23P01 exclusion, 23514 check, 23503 FK).
const dbErrorFacts = (error: unknown): DbErrorFacts | null => {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } };
  const cause = e.meta?.driverAdapterError?.cause ?? {};
  const originalCode = typeof cause.originalCode === 'string' ? cause.originalCode : undefined;
  const constraint =
    typeof (cause.constraint as { index?: unknown } | undefined)?.index === 'string' ? (cause.constraint as { index: string }).index : undefined;
  const message = [e.message, cause.originalMessage, cause.message].filter((m) => typeof m === 'string').join(' ');
  if (e.code === 'P2002') return { code: '23505', ...(constraint ? { constraint } : {}), message };
  if (originalCode) return { code: originalCode, ...(constraint ? { constraint } : {}), message };
  return null;
};

/** The Postgres error code (`23P01`, `23505`, …) behind a Prisma error, with the constraint when named. */
export const databaseViolation = (error: unknown, code: string, constraint?: string): boolean => {
  const facts = dbErrorFacts(error);
  if (!facts || facts.code !== code) return false;
  return constraint === undefined || facts.constraint === constraint || facts.message.includes(constraint);
};
