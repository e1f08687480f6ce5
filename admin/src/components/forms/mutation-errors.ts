// A refused console mutation as the forms show it: the message for each field (input the request
// schema refused, or a refusal the server tied to a field; trpc.ts's errorFormatter), the rest above the form.
import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '~/server/api/root';

type MutationError = TRPCClientErrorLike<AppRouter> | null;

export const fieldErrorOf = (error: MutationError, field: string): string | undefined => {
  const data = error?.data as { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | undefined;
  return data?.zodError?.fieldErrors?.[field]?.[0];
};

/** The message no field of `fields` shows (null when every refusal sits on a field). */
export const formErrorOf = (error: MutationError, fields: readonly string[]): string | null => {
  if (!error) return null;
  return fields.some((field) => fieldErrorOf(error, field)) ? null : error.message;
};
