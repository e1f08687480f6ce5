// The staff console in a real browser: the emailed one-time link, what each role sees, the 403 page,
// signing out, and the console's pages on a laptop and a phone (screenshots + axe-core).
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectBrowserErrors, launchBrowser, screenshot } from './support/browser';
import { waitForEmailLink } from './support/outbox';
import { createStaffUser, deleteStaffUsers, requestStaffSignInLink, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const TIMEOUT_MS = 60_000;
const ADMIN_AREAS = ['Тарифы', 'Районы и пункты', 'Лицевые счета', 'Сотрудники', 'Журнал действий'];
const SALES_AREAS = ['Квитанции и оплаты', 'Претензии'];
const OPERATOR_AREAS = ['Очереди'];

// Several page loads per test, each compiled on first visit by the dev server: generous limits.
describe('staff console sign-in and roles', { timeout: 120_000 }, () => {
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

  const openPage = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const page = await (await browser.newContext(options)).newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.setDefaultNavigationTimeout(TIMEOUT_MS);
    return page;
  };
  const staffWith = async (roles: StaffIdentity['roles']) => {
    const staff = await createStaffUser({ prisma, roles });
    created.push(staff);
    return staff;
  };
  const navLabels = async (page: Page) =>
    (await page.getByRole('navigation', { name: 'Разделы консоли' }).getByRole('link').allTextContents()).map((text) => text.trim());

  it('a signed-out visitor is sent to the sign-in page, which is accessible on a phone', async () => {
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${stackEnv.adminUrl}/staff`);
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Вход в консоль');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-sign-in-phone');
    await expectAccessible(page);

    // A typo is refused on the field, tied to it for screen readers.
    await page.getByLabel('Рабочая электронная почта').fill('не почта');
    await page.getByRole('button', { name: 'Получить ссылку для входа' }).click();
    const field = page.getByLabel('Рабочая электронная почта');
    await expect.poll(() => field.getAttribute('aria-invalid'), { timeout: TIMEOUT_MS }).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`#${id}`).textContent()),
    );
    expect(messages.join(' ')).toContain('Введите адрес электронной почты');
    await page.context().close();
  });

  it('an admin signs in by the emailed link, sees the dashboard and only the admin areas; the link works once', async () => {
    const admin = await staffWith(['admin']);
    const page = await openPage();
    const since = await requestStaffSignInLink(page, admin.email);
    await screenshot(page, 'admin-sign-in-check-email');
    const { url, email } = await waitForEmailLink({
      prisma,
      to: admin.email,
      since,
      subject: /Вход в консоль/,
      link: /\/api\/auth\/callback\//,
      timeoutMs: TIMEOUT_MS,
    });
    expect(email.text).toContain('действует один раз');
    await page.goto(url.href);
    await page.waitForURL(`${stackEnv.adminUrl}/`);

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Обзор');
    expect(await page.getByRole('banner').textContent()).toContain(admin.email);
    expect(await navLabels(page)).toEqual(['Обзор', ...ADMIN_AREAS]);
    // The health panel the console's first page always had.
    expect(await page.getByRole('status').filter({ hasText: 'компоненты' }).textContent()).toContain('Все компоненты доступны');
    for (const component of ['База данных', 'Temporal'])
      expect(await page.getByRole('row', { name: new RegExp(component) }).textContent()).toContain('доступна');
    expect(await page.getByRole('link', { name: 'Temporal UI' }).count()).toBe(stackEnv.temporalUiUrl ? 1 : 0);
    expect(await page.getByRole('heading', { name: 'Оплаты по дням' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Очереди оператора' }).count()).toBe(1);
    await screenshot(page, 'admin-dashboard');
    await expectAccessible(page);

    for (const [path, heading, shot] of [
      ['/staff', 'Сотрудники', 'admin-staff'],
      ['/audit', 'Журнал действий', 'admin-audit'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Разделы консоли' }).getByRole('link', { name: heading }).click();
      await page.waitForURL(`${stackEnv.adminUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await screenshot(page, shot);
      await expectAccessible(page);
    }
    // The sign-in is on the record.
    const signIns = await prisma.auditLog.count({ where: { actorId: admin.email, action: 'auth.signIn' } });
    expect(signIns).toBe(1);

    // The same link a second time: refused, explained.
    const again = await openPage();
    await again.goto(url.href);
    await again.waitForURL(/\/sign-in\/error/);
    // (Next's route announcer is an alert too: pick ours by its words.)
    await again.getByRole('alert').filter({ hasText: 'уже использована или устарела' }).waitFor();
    await again.context().close();
    await page.context().close();
  }, 180_000);

  it('an admin adds a colleague; a wrong address is refused next to the field', async () => {
    const admin = await staffWith(['admin']);
    const page = await openPage();
    await signInAsStaff(page, admin.email, { prisma });
    await page.goto(`${stackEnv.adminUrl}/staff`);
    const dialog = page.getByRole('dialog', { name: 'Новый сотрудник' });
    // A click before React has hydrated the page does nothing: click again until the dialog opens.
    await expect
      .poll(
        async () => {
          if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Добавить сотрудника' }).click();
          return dialog.isVisible();
        },
        { timeout: TIMEOUT_MS, interval: 1_000 },
      )
      .toBe(true);
    // The server's check refuses it (tRPC answers 400, which Chromium logs); the form shows why.
    expectBrowserErrors(/status of 400 .*staff\.createStaffUser/, 'the server refuses the wrong address this test types');
    await dialog.getByLabel('Рабочая почта').fill('nobody');
    await dialog.getByLabel('Имя и фамилия').fill('Пётр Сидоров');
    await dialog.getByRole('button', { name: 'Добавить' }).click();
    const emailField = dialog.getByLabel('Рабочая почта');
    await expect.poll(() => emailField.getAttribute('aria-invalid'), { timeout: TIMEOUT_MS }).toBe('true');
    await screenshot(page, 'admin-staff-create-error');
    await expectAccessible(page);

    const email = `colleague-${Date.now()}@voltpay.test`;
    await emailField.fill(email);
    await dialog.getByRole('button', { name: 'Добавить' }).click();
    await page.getByRole('row', { name: new RegExp(email) }).waitFor();
    const colleague = await prisma.staffUser.findUniqueOrThrow({ where: { email } });
    created.push({ id: colleague.id, email, name: colleague.name, roles: colleague.roles });
    expect(colleague.roles).toEqual(['sales']);
    await page.context().close();
  });

  it('a sales clerk sees the sales areas, gets a 403 page for tariffs, and signs out', async () => {
    const clerk = await staffWith(['sales']);
    const page = await openPage({ viewport: { width: 360, height: 740 } });
    await signInAsStaff(page, clerk.email, { prisma });
    await page.getByRole('button', { name: 'Показать разделы' }).click();
    expect(await navLabels(page)).toEqual(['Обзор', ...SALES_AREAS]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-dashboard-sales-phone');
    await expectAccessible(page);

    expectBrowserErrors(/status of 403 .*\/tariffs/, 'Chromium logs the 403 of the page this test opens on purpose');
    const response = await page.goto(`${stackEnv.adminUrl}/tariffs`);
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Нет доступа');
    await screenshot(page, 'admin-forbidden-phone');
    await expectAccessible(page);

    await page.goto(`${stackEnv.adminUrl}/`);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/sign-in\?signedOut=1/);
    expect(await page.getByRole('status').textContent()).toContain('Вы вышли');
    expect(await prisma.staffSession.count({ where: { userId: clerk.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { actorId: clerk.email, action: 'auth.signOut' } })).toBe(1);
    await page.goto(`${stackEnv.adminUrl}/`);
    await page.waitForURL(/\/sign-in/);
    await page.context().close();
  });

  it('a signed-out clerk who opens a receipt-check link is back on it after signing in', async () => {
    const clerk = await staffWith(['sales']);
    const page = await openPage();
    const link = '/receipts/check?number=20260101-000001&code=ABCD-EFGH-JKMN';
    await signInAsStaff(page, clerk.email, { prisma, from: link });
    const landed = new URL(page.url());
    expect(`${landed.pathname}${landed.search}`).toBe(link);
    // Never somewhere else: an absolute URL as the target is ignored.
    await page.context().clearCookies();
    await page.goto(`${stackEnv.adminUrl}/sign-in?callbackUrl=${encodeURIComponent('https://example.com/')}`);
    expect(await page.locator('input[name="callbackUrl"]').inputValue()).toBe('/');
    await page.context().close();
  });

  it('an operator sees the operator area', async () => {
    const operator = await staffWith(['operator']);
    const page = await openPage();
    await signInAsStaff(page, operator.email, { prisma });
    expect(await navLabels(page)).toEqual(['Обзор', ...OPERATOR_AREAS]);
    await page.context().close();
  });

  it('an unknown address gets the same "check your email" page and no email', async () => {
    const email = `stranger-${Date.now()}@voltpay.test`;
    const page = await openPage();
    await requestStaffSignInLink(page, email);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Проверьте почту');
    // The known-address request above waited for its email; this one has none and no link row.
    expect(await prisma.emailOutbox.count({ where: { to: email } })).toBe(0);
    expect(await prisma.authVerificationToken.count({ where: { identifier: email } })).toBe(0);
    await page.context().close();
  });

  it('asking for links again and again: three emails, then the same page and no more mail', async () => {
    const clerk = await staffWith(['sales']);
    const page = await openPage();
    for (let request = 0; request < 5; request += 1) {
      await requestStaffSignInLink(page, clerk.email);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Проверьте почту');
    }
    // Each accepted request's email is written before its page answers.
    expect(await prisma.emailOutbox.count({ where: { to: clerk.email } })).toBe(3);
    await page.context().close();
  });

  it('a switched-off member of staff cannot get in by a link sent before', async () => {
    const clerk = await staffWith(['sales']);
    const page = await openPage();
    const since = await requestStaffSignInLink(page, clerk.email);
    const { url } = await waitForEmailLink({
      prisma,
      to: clerk.email,
      since,
      subject: /Вход в консоль/,
      link: /\/api\/auth\/callback\//,
      timeoutMs: TIMEOUT_MS,
    });
    await prisma.staffUser.update({ where: { id: clerk.id }, data: { active: false } });
    await page.goto(url.href);
    await page.waitForURL(/\/sign-in\/error/);
    await page.getByRole('alert').filter({ hasText: 'Вход с этой учётной записью закрыт' }).waitFor();
    expect(await prisma.staffSession.count({ where: { userId: clerk.id } })).toBe(0);
    await page.context().close();
  });
});
