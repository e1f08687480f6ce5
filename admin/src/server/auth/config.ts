// The console's sign-in settings, in one place for next-auth (src/auth.ts), the dev sign-in link and tests.
import { createHash } from 'node:crypto';

/** next-auth's id of the email-link provider; part of the callback URL /api/auth/callback/<id>. */
export const STAFF_EMAIL_PROVIDER_ID = 'email';

/** A working day: a session left open on a shared counter PC ends by itself. */
export const STAFF_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** How often an active session's expiry moves forward (a database write at most once an hour). */
export const STAFF_SESSION_UPDATE_AGE_SECONDS = 60 * 60;

/** An emailed link is good for a quarter of an hour and once: mail sits in outboxes and logs. */
export const STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;

export const normaliseStaffEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

/**
 * What staff_sessions.session_token holds: sha-256 of the cookie's token, in hex. A copy of the table
 * (a backup, a replica, a query log) then opens no session; the cookie alone does. The token is 32
 * random bytes, so a plain hash needs no salt or stretching.
 */
export const hashStaffSessionToken = (sessionToken: string) => createHash('sha256').update(sessionToken).digest('hex');
