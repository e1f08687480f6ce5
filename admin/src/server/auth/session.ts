// Resolves the signed-in member of staff for a request. Placeholder until next-auth is wired in:
// nobody is signed in, so every staff procedure refuses.
import type { StaffIdentity } from '../api/trpc';

export const getStaffIdentity = async (_headers: Headers): Promise<StaffIdentity | null> => null;
