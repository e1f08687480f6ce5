// The security headers of both apps, in Chromium: the pages work under their nonce-based CSP (no
// violation while Next, next-intl, Mantine and the tRPC client do their work), an inline script
// injected into the page does not run, and the fixed headers are on pages and static files alike.
import { createHash } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { createStaffUser, deleteStaffUsers, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const TIMEOUT_MS = 60_000;

type Watched = { page: Page; violations: string[] };

describe('security headers and CSP', { timeout: 120_000 }, () => {
  let browser: Browser;
  let prisma: PrismaClient;
  const created: StaffIdentity[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
  });
  afterAll(async () => {
    await browser?.close();
    await deleteStaffUsers({ prisma, users: created });
    await prisma?.$disconnect();
  });

  /** A page that records every CSP violation Chromium reports (console and the DOM event). */
  const openWatchedPage = async (): Promise<Watched> => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.setDefaultNavigationTimeout(TIMEOUT_MS);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    return { page, violations };
  };

  const expectSecurityHeaders = (response: Response | null, { formTargets }: { formTargets: string[] }) => {
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    // The last directive on http (no upgrade-insecure-requests after it): no trailing semicolon then.
    expect(csp.split('; ')).toContain(`form-action ${["'self'", ...formTargets].join(' ')}`);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers).not.toHaveProperty('x-powered-by');
    // The local stack is http: no HSTS (a browser would ignore it, and localhost must stay reachable).
    expect(headers).not.toHaveProperty('strict-transport-security');
    return csp;
  };

  /** Next's app router has booted (its scripts ran under the nonce). */
  const expectHydrated = (page: Page) => page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));

  /** What an XSS does: an inline script in the page. It must not run, and Chromium must say why. */
  const expectInjectedScriptBlocked = async ({ page, violations }: Watched) => {
    const before = violations.length;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injectedHandler = true');
      img.src = 'data:,broken';
      document.body.append(img);
    });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __injectedHandler?: boolean }).__injectedHandler)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src/)]),
    );
  };

  it('the residents’ site: works under its CSP, blocks an injected script, forms only to us and the acquirer', async () => {
    const watched = await openWatchedPage();
    const { page, violations } = watched;
    const response = await page.goto(`${stackEnv.webUrl}/pay`);
    const formTargets = stackEnv.acquirerUrl ? [new URL(stackEnv.acquirerUrl).origin] : [];
    const csp = expectSecurityHeaders(response, { formTargets });
    await expectHydrated(page);
    // next-intl's messages reached the client components: the form is in Russian.
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    // Chromium hides nonce attributes from the DOM; the property keeps it.
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.src || s.textContent).every((s) => (s.nonce ?? '').length > 0))).toBe(true);
    expect(await page.evaluate(() => document.scripts[0]?.nonce)).toBe(nonce);
    expect(violations).toEqual([]);
    await expectInjectedScriptBlocked(watched);

    // A fresh nonce each time.
    const again = await page.goto(`${stackEnv.webUrl}/pay`);
    expect(again!.headers()['content-security-policy']).not.toContain(nonce);

    // Static files carry the fixed headers too.
    const asset = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes('/_next/static/')));
    expect(asset).toBeDefined();
    const assetResponse = await fetch(asset!);
    expect(assetResponse.headers.get('x-content-type-options')).toBe('nosniff');
    expect(assetResponse.headers.get('referrer-policy')).toBe('no-referrer');
    expect(assetResponse.headers.has('x-powered-by')).toBe(false);
    await page.context().close();
  });

  it('the console: sign-in and a tRPC page work under its CSP, an injected script does not run, the session row holds a hash', async () => {
    const staff = await createStaffUser({ prisma, roles: ['admin'] });
    created.push(staff);
    const watched = await openWatchedPage();
    const { page, violations } = watched;
    const signInPage = await page.goto(`${stackEnv.adminUrl}/sign-in`);
    expectSecurityHeaders(signInPage, { formTargets: [] });
    await expectHydrated(page);

    await signInAsStaff(page, staff.email, { prisma });
    const staffPage = await page.goto(`${stackEnv.adminUrl}/staff`);
    expectSecurityHeaders(staffPage, { formTargets: [] });
    // The list comes from the tRPC client: its fetches are allowed by connect-src 'self'.
    await page.getByText(staff.email).first().waitFor();
    expect(violations).toEqual([]);
    await expectInjectedScriptBlocked(watched);

    // The cookie keeps the token; the database only its sha-256.
    const cookie = (await page.context().cookies(stackEnv.adminUrl)).find((c) => c.name.endsWith('voltpay-staff.session-token'));
    expect(cookie).toBeDefined();
    const rows = await prisma.staffSession.findMany({ where: { userId: staff.id }, select: { sessionToken: true } });
    expect(rows.map((r) => r.sessionToken)).toEqual([createHash('sha256').update(cookie!.value).digest('hex')]);
    await page.context().close();
  });
});
