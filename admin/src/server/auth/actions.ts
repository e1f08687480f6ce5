'use server';
// Server actions of the console's sign-in (Next checks a server action's Origin against its Host).
import { redirect } from 'next/navigation';

/** Ends this browser's session and returns to the sign-in page. */
export const signOutAction = async (): Promise<void> => {
  redirect('/sign-in');
};
