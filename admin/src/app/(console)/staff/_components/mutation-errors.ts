// Reading a failed staff mutation: zod's field messages (trpc.ts errorFormatter) go next to their
// fields, anything else above the form.
import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '../../../../server/api/root';

type MutationError = TRPCClientErrorLike<AppRouter> | null;

export const fieldErrorOf = (error: MutationError, field: string): string | undefined => {
  const data = error?.data as { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | undefined;
  return data?.zodError?.fieldErrors?.[field]?.[0];
};

export const formErrorOf = (error: MutationError, fields: string[]): string | null => {
  if (!error) return null;
  return fields.some((field) => fieldErrorOf(error, field)) ? null : error.message;
};
