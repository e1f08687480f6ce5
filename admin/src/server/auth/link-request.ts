// Whether a sign-in link goes out for an address typed on the sign-in form. The form answers the
// same page either way; this makes the way there the same too: every address, staff or not, is
// looked up and spends its per-address allowance, so the answer's timing says nothing about
// whether the address belongs to staff. The mail itself is sent after the answer (auth.ts).

export type LinkRequestDependencies = {
  /** Is this (normalised) address an active member of staff? */
  isActiveStaff: (email: string) => Promise<boolean>;
  /** Spends one link of the address's allowance; false when it is used up. */
  takeLink: (email: string) => Promise<boolean>;
};

export const mayReceiveSignInLink = async ({ email, isActiveStaff, takeLink }: { email: string } & LinkRequestDependencies): Promise<boolean> => {
  // Both questions for every address, at once: neither answer decides whether the other is asked.
  const [active, allowed] = await Promise.all([isActiveStaff(email), takeLink(email)]);
  return active && allowed;
};
