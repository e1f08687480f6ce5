// How often one member of staff can be sent a sign-in link: 3, then none until 10 minutes have
// passed. Without it, anyone who knows a colleague's address could flood their mailbox through
// the form. Counted in PostgreSQL, so every console instance spends from the same allowance.
import { postgresLimit } from '@voltpay/stack/rate-limit';

const staffSignInLimit = () => postgresLimit({ name: 'staff-sign-in', points: 3, durationSeconds: 10 * 60 });

/** Spends one sign-in link of `email`'s allowance; false when it is used up for now. */
export const takeStaffSignInLink = async (email: string): Promise<boolean> => (await staffSignInLimit().take(email)).allowed;
