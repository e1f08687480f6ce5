// How often one member of staff can be sent a sign-in link: 3, then one more every ~3 minutes.
// Without it, anyone who knows a colleague's address could flood their mailbox through the form.
// Per process (memory); several console instances each count alone, which still bounds it.
import { RateLimiterMemory } from 'rate-limiter-flexible';

const LINKS_PER_WINDOW = 3;
const WINDOW_SECONDS = 10 * 60;

const globalForLimiter = globalThis as typeof globalThis & { voltpayStaffSignInLimiter?: RateLimiterMemory };

const limiter = () =>
  (globalForLimiter.voltpayStaffSignInLimiter ??= new RateLimiterMemory({ keyPrefix: 'staff-sign-in', points: LINKS_PER_WINDOW, duration: WINDOW_SECONDS }));

/** Spends one sign-in link of `email`'s allowance; false when it is used up for now. */
export const takeStaffSignInLink = async (email: string): Promise<boolean> =>
  limiter()
    .consume(email)
    .then(
      () => true,
      (rejection: unknown) => {
        // The library rejects with its result when the points are spent, and with an Error on a fault.
        if (rejection instanceof Error) throw rejection;
        return false;
      },
    );
