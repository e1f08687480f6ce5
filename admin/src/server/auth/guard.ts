// The page-level gate of the console. Layouts and pages render in parallel in the App Router, so
// every page calls this itself; the console layout's own call only decides whether to draw the shell.
import type { StaffRole } from '@voltpay/prisma';
import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { cache } from 'react';
import type { StaffIdentity } from '../api/trpc';
import { REQUESTED_PATH_HEADER } from './requested-path';
import { getStaffIdentity } from './session';

/** The signed-in member of staff for this request (one database read per request). */
export const getCurrentStaff = cache(async (): Promise<StaffIdentity | null> => getStaffIdentity(await headers()));

/** /sign-in, coming back to `path` afterwards when it is a page of ours (never another site's URL). */
const signInPathBackTo = (path: string | null): '/sign-in' | `/sign-in?${string}` =>
  path && path.startsWith('/') && !path.startsWith('//') && path !== '/' && !path.startsWith('/sign-in')
    ? `/sign-in?${new URLSearchParams({ callbackUrl: path }).toString()}`
    : '/sign-in';

/**
 * Returns the signed-in member of staff holding any of `roles` (any staff when none are named).
 * Signed out → /sign-in; signed in without the role → the 403 page (app/forbidden.tsx).
 */
export const requireStaff = async (...roles: StaffRole[]): Promise<StaffIdentity> => {
  const staff = await getCurrentStaff();
  if (!staff) redirect(signInPathBackTo((await headers()).get(REQUESTED_PATH_HEADER)));
  if (roles.length > 0 && !staff.roles.some((role) => roles.includes(role))) forbidden();
  return staff;
};
