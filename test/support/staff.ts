// Members of staff for tests: a user with the roles a test needs (unique per run), a tRPC caller
// acting as them through the console's real router and context, and the real email-link sign-in
// in a browser (the link read from the email_outbox table, as a developer reads it).
import { randomUUID } from 'node:crypto';
import { createCaller, createTRPCContext, type StaffIdentity } from '@voltpay/admin/testing';
import { createPrismaClient, type PrismaClient, type StaffRole } from '@voltpay/prisma';
import type { Page } from 'playwright-core';
import { waitForEmailLink } from './outbox';
import { stackEnv } from './stack-env';

export type { StaffIdentity };

/** Generous: the dev server compiles each console page on its first visit. */
const STEP_TIMEOUT_MS = 60_000;

export const createStaffUser = async ({
  prisma,
  roles,
  email,
  name,
}: {
  prisma: PrismaClient;
  roles: StaffRole[];
  email?: string;
  name?: string;
}): Promise<StaffIdentity> => {
  const user = await prisma.staffUser.create({
    data: {
      email: (email ?? `staff-${roles.join('-') || 'none'}-${randomUUID().slice(0, 8)}@voltpay.test`).toLowerCase(),
      name: name ?? `Тест ${roles.join(', ') || 'без ролей'}`,
      roles,
    },
  });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
};

/**
 * The console's procedures as `staff` calls them (null: signed out). `headers` stand for the
 * request's; the Origin check belongs to the HTTP route, not to the procedures.
 */
export const staffCaller = ({ prisma, staff, headers = new Headers() }: { prisma: PrismaClient; staff: StaffIdentity | null; headers?: Headers }) =>
  createCaller(() => createTRPCContext({ headers, staff, prisma }));

/** Removes test users with their sessions and unused links (audit rows stay: they are the record). */
export const deleteStaffUsers = async ({ prisma, users }: { prisma: PrismaClient; users: Pick<StaffIdentity, 'id' | 'email'>[] }) => {
  if (users.length === 0) return;
  await prisma.authVerificationToken.deleteMany({ where: { realm: 'STAFF', identifier: { in: users.map((u) => u.email) } } });
  await prisma.staffUser.deleteMany({ where: { id: { in: users.map((u) => u.id) } } });
};

let reader: PrismaClient | undefined;
// One client for reading mail when the test does not pass its own.
const outboxReader = () => {
  reader ??= createPrismaClient({ connectionString: stackEnv.databaseUrl });
  return reader;
};

/** Asks for a link on the sign-in page and waits for "check your email". Returns when the email was requested. */
export const requestStaffSignInLink = async (page: Page, email: string, { from }: { from?: string } = {}): Promise<Date> => {
  // From a console page (signed out, it sends the visitor to /sign-in), or straight to the form.
  await page.goto(`${stackEnv.adminUrl}${from ?? '/sign-in'}`, { timeout: STEP_TIMEOUT_MS });
  await page.waitForURL(/\/sign-in/, { timeout: STEP_TIMEOUT_MS });
  // Taken a second early: the outbox row's clock is the database's.
  const since = new Date(Date.now() - 1_000);
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByRole('button', { name: 'Получить ссылку для входа' }).click();
  await page.waitForURL(/\/sign-in\/check-email/, { timeout: STEP_TIMEOUT_MS });
  return since;
};

/**
 * Signs `page`'s browser context in as `email` the way a person does: the sign-in form, the email
 * in the outbox, its one-time link. Ends on the page the link leads to: `from` when given (a page
 * opened while signed out), else the console's home.
 */
export const signInAsStaff = async (
  page: Page,
  email: string,
  { prisma = outboxReader(), from }: { prisma?: PrismaClient; from?: string } = {},
): Promise<void> => {
  const since = await requestStaffSignInLink(page, email, from ? { from } : {});
  const { url } = await waitForEmailLink({ prisma, to: email, since, subject: /Вход в консоль/, link: /\/api\/auth\/callback\//, timeoutMs: STEP_TIMEOUT_MS });
  await page.goto(url.href, { timeout: STEP_TIMEOUT_MS });
  await page.waitForURL((current) => !current.pathname.startsWith('/sign-in') && !current.pathname.startsWith('/api/auth'), { timeout: STEP_TIMEOUT_MS });
};
