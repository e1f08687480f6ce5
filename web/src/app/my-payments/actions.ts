'use server';
// The forms of "My payments": ask for a sign-in link, sign out, find a receipt without signing in.
// Each validates on the server (the forms work without JavaScript) and answers with message keys
// the page translates; nothing here says which half of a wrong receipt look-up was wrong.
import { prisma } from '@voltpay/prisma';
import { describeError } from '@voltpay/logger';
import { normaliseReceiptNumber } from '@voltpay/receipts';
import { parseRoublesToKopecks } from '@voltpay/domain/money';
import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { MY_PAYMENTS_PATH, RESIDENT_EMAIL_PROVIDER_ID, signIn, signOut } from '~/auth';
import { isAccountNumberShape } from '~/components/account/format';
import { clientAddressOf } from '~/lib/api/rate-limit';
import { log } from '~/lib/log';
import { minutesToWait, receiptLookupLimit, signInByAddressLimit } from '~/lib/resident-auth/limits';
import { findReceiptByNumberAndAccount, type FoundReceipt } from './_lib/find-receipt';

export type SignInFormState = {
  email: string;
  error: { kind: 'emailRequired' | 'emailInvalid' | 'sendFailed' } | { kind: 'tooMany'; minutes: number } | null;
};

const EmailSchema = z.email().max(254);

const logFailure = (what: string, error: unknown) =>
  // The kind of failure only: never the address or the link.
  log.error({ error: describeError(error) }, what);

/** A text field, trimmed; a file posted in its place counts as empty. */
const formText = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const requestSignInLink = async (_previous: SignInFormState, formData: FormData): Promise<SignInFormState> => {
  const email = formText(formData, 'email');
  if (!email) return { email, error: { kind: 'emailRequired' } };
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) return { email, error: { kind: 'emailInvalid' } };

  const decision = await signInByAddressLimit().take(clientAddressOf(await headers()));
  if (!decision.allowed) return { email, error: { kind: 'tooMany', minutes: minutesToWait(decision.retryAfterSeconds) } };

  let target: string;
  try {
    target = String(await signIn(RESIDENT_EMAIL_PROVIDER_ID, { email: parsed.data, redirect: false, redirectTo: MY_PAYMENTS_PATH }));
  } catch (error) {
    logFailure('resident sign-in link failed', error);
    if (error instanceof AuthError) return { email, error: { kind: 'sendFailed' } };
    throw error;
  }
  // next-auth answers with where to go: the "check your email" page, or its error page (ours).
  const refused = new URL(target, 'http://site.invalid').searchParams.get('error');
  if (refused === 'TooManyRequests') return { email, error: { kind: 'tooMany', minutes: 5 } };
  if (refused) return { email, error: { kind: 'sendFailed' } };
  redirect(`${MY_PAYMENTS_PATH}/check-email`);
};

export const signOutResident = async (): Promise<void> => {
  await signOut({ redirectTo: MY_PAYMENTS_PATH });
};

export type FindReceiptFormState = {
  values: { number: string; account: string; amount: string };
  errors: {
    number?: 'numberRequired' | 'numberInvalid';
    account?: 'accountRequired' | 'accountInvalid';
    amount?: 'amountRequired' | 'amountInvalid';
  };
  tooMany: { minutes: number } | null;
  result: { found: true; receipt: FoundReceipt } | { found: false } | null;
  /** Changes with every answer, so the page can move focus to it even when it reads the same. */
  answer: number;
};

export const findReceipt = async (previous: FindReceiptFormState, formData: FormData): Promise<FindReceiptFormState> => {
  const values = {
    number: formText(formData, 'number'),
    account: formText(formData, 'account'),
    amount: formText(formData, 'amount'),
  };
  const answer = previous.answer + 1;
  const errors: FindReceiptFormState['errors'] = {};
  if (!values.number) errors.number = 'numberRequired';
  else if (!normaliseReceiptNumber(values.number)) errors.number = 'numberInvalid';
  if (!values.account) errors.account = 'accountRequired';
  else if (!isAccountNumberShape(values.account)) errors.account = 'accountInvalid';
  const totalKopecks = values.amount ? parseRoublesToKopecks(values.amount) : null;
  if (!values.amount) errors.amount = 'amountRequired';
  else if (totalKopecks === null || totalKopecks <= 0) errors.amount = 'amountInvalid';
  if (errors.number || errors.account || errors.amount || totalKopecks === null) return { values, errors, tooMany: null, result: null, answer };

  // Only well-formed pairs count against the limit: a typo costs nothing, a guess does.
  const decision = await receiptLookupLimit().take(clientAddressOf(await headers()));
  if (!decision.allowed) return { values, errors, tooMany: { minutes: minutesToWait(decision.retryAfterSeconds) }, result: null, answer };

  const receipt = await findReceiptByNumberAndAccount({ prisma, number: values.number, accountNumber: values.account, totalKopecks });
  return { values, errors, tooMany: null, result: receipt ? { found: true, receipt } : { found: false }, answer };
};
