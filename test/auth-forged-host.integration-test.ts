// A sign-in link asked for with a forged Host / X-Forwarded-Host still points at the configured
// public URL: an attacker who can make a clerk or a resident request a link cannot make the email
// carry a link to their own server (which would receive the one-time token when it is clicked).
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEmailLink } from './support/outbox';
import { createStaffUser, deleteStaffUsers, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const FORGED = 'evil.example';

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** node:http, because fetch will not send a Host header of our choosing. */
const send = (url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }) =>
  new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { host: FORGED, 'x-forwarded-host': FORGED, 'x-forwarded-proto': 'https', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

const cookiesOf = (response: RawResponse) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');

/** next-auth's own endpoints: a CSRF token, then the email provider's sign-in POST, all with the forged host. */
const requestLink = async ({ appUrl, providerId, email }: { appUrl: string; providerId: string; email: string }) => {
  const csrf = await send(`${appUrl}/api/auth/csrf`, {});
  expect(csrf.status).toBe(200);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, csrfToken, callbackUrl: `${appUrl}/` }).toString();
  const response = await send(`${appUrl}/api/auth/signin/${providerId}`, {
    method: 'POST',
    headers: { cookie: cookiesOf(csrf), 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(form)) },
    body: form,
  });
  // Whatever the answer, it never sends the browser to the forged host.
  expect(String(response.headers.location ?? '')).not.toContain(FORGED);
  return response;
};

describe('sign-in links ignore a forged Host', () => {
  let prisma: PrismaClient;
  const created: StaffIdentity[] = [];

  beforeAll(() => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
  });
  afterAll(async () => {
    await deleteStaffUsers({ prisma, users: created });
    await prisma?.$disconnect();
  });

  it('the console emails a link to ADMIN_PUBLIC_URL', async () => {
    const staff = await createStaffUser({ prisma, roles: ['sales'] });
    created.push(staff);
    const since = new Date(Date.now() - 1_000);
    await requestLink({ appUrl: stackEnv.adminUrl, providerId: 'email', email: staff.email });
    const { email, url } = await waitForEmailLink({ prisma, to: staff.email, since, link: /\/api\/auth\/callback\// });
    expect(url.origin).toBe(new URL(stackEnv.adminUrl).origin);
    expect(`${email.text}${email.html}`).not.toContain(FORGED);
  });

  it('the residents’ site emails a link to WEB_PUBLIC_URL', async () => {
    const resident = `resident-${randomUUID().slice(0, 8)}@example.com`;
    const since = new Date(Date.now() - 1_000);
    await requestLink({ appUrl: stackEnv.webUrl, providerId: 'resident-email', email: resident });
    const { email, url } = await waitForEmailLink({ prisma, to: resident, since, link: /\/api\/auth\/callback\// });
    expect(url.origin).toBe(new URL(stackEnv.webUrl).origin);
    expect(`${email.text}${email.html}`).not.toContain(FORGED);
  });
});
