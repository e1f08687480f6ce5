'use server';
// Server actions of the console's sign-in (Next refuses a server action whose Origin is not its Host).
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '~/auth';
import { STAFF_EMAIL_PROVIDER_ID } from './config';

const failed = 'Не удалось отправить письмо. Попробуйте ещё раз через минуту.';

export type RequestSignInLinkState = { email: string; error?: string };

const ZEmail = z.email({ error: 'Введите адрес электронной почты, например ivanova@voltpay.ru.' });

/** Only a path on this console: an absolute or protocol-relative URL would be an open redirect. */
const safeCallbackPath = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';

/** Emails a sign-in link (or pretends to, for an unknown address) and goes to "check your email". */
export const requestSignInLink = async (_previous: RequestSignInLinkState, form: FormData): Promise<RequestSignInLinkState> => {
  const emailField = form.get('email');
  const email = typeof emailField === 'string' ? emailField.trim() : '';
  const parsed = ZEmail.safeParse(email);
  if (!parsed.success) return { email, error: parsed.error.issues[0]?.message ?? 'Неверный адрес.' };
  let next: string;
  try {
    // With `redirect: false`, next-auth answers the URL it would have redirected to (typed `any`).
    next = (await signIn(STAFF_EMAIL_PROVIDER_ID, {
      email: parsed.data,
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
      redirect: false,
    })) as string;
  } catch (error) {
    if (error instanceof AuthError) return { email, error: failed };
    throw error;
  }
  // next-auth answers with its /api/auth/verify-request route (a redirect to our page); go straight
  // to the page, or the client router would render it under the API route's URL.
  if (new URL(next, 'http://console.invalid').searchParams.has('error')) return { email, error: failed };
  redirect('/sign-in/check-email');
};

/** Ends this browser's session (the row is deleted: the cookie is worthless afterwards). */
export const signOutAction = async (): Promise<void> => {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
};
