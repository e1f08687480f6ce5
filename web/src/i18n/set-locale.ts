'use server';
// The language switch's server action: remembers the choice for a year.
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './config';

export const setLocale = async (formData: FormData): Promise<void> => {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
};
