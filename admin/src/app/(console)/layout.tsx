// Every console page sits in this shell. It only draws the frame for a signed-in member of staff;
// each page still calls requireStaff(...) with its own roles (layouts and pages render in parallel).
import type { ReactNode } from 'react';
import { ConsoleShell } from '~/components/shell/console-shell';
import { signOutAction } from '~/server/auth/actions';
import { requireStaff } from '~/server/auth/guard';

// Who is signed in is read per request, never at build time.
export const dynamic = 'force-dynamic';

const ConsoleLayout = async ({ children }: { children: ReactNode }) => {
  const staff = await requireStaff();
  return (
    <ConsoleShell staff={{ email: staff.email, name: staff.name, roles: staff.roles }} signOut={signOutAction}>
      {children}
    </ConsoleShell>
  );
};

export default ConsoleLayout;
