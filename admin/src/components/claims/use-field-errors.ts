// The zod field errors a tRPC mutation came back with (trpc.ts errorFormatter), by field.
import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '~/server/api/root';

export const fieldErrorsOf = (error: TRPCClientErrorLike<AppRouter> | null): Record<string, string | undefined> => {
  const fieldErrors = (error?.data as { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | undefined)?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]]));
};

/** A message for the form as a whole: zod's are shown by the fields, the rest here. */
export const formErrorOf = (error: TRPCClientErrorLike<AppRouter> | null): string | null => {
  if (!error) return null;
  const hasFieldErrors = Object.keys(fieldErrorsOf(error)).length > 0;
  return hasFieldErrors ? 'Исправьте отмеченные поля.' : error.message;
};
