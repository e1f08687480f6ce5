// The page-level gate of the console. Layouts and pages render in parallel in the App Router, so
// every page calls this itself; the console layout's own call only decides whether to draw the shell.
import type { StaffRole } from '@voltpay/prisma';
import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { cache } from 'react';
import type { StaffIdentity } from '../api/trpc';
import { getStaffIdentity } from './session';

/** The signed-in member of staff for this request (one database read per request). */
export const getCurrentStaff = cache(async (): Promise<StaffIdentity | null> => getStaffIdentity(await headers()));

/**
 * Returns the signed-in member of staff holding any of `roles` (any staff when none are named).
 * Signed out → /sign-in; signed in without the role → the 403 page (app/forbidden.tsx).
 */
export const requireStaff = async (...roles: StaffRole[]): Promise<StaffIdentity> => {
  const staff = await getCurrentStaff();
  if (!staff) redirect('/sign-in');
  if (roles.length > 0 && !staff.roles.some((role) => roles.includes(role))) forbidden();
  return staff;
};
