// Every page of both apps at the two screens the issue names — a clerk's 1280×800 (and 1440×900) and
// a resident's phone, 390×844 — in Russian and (the site) English: no page scrolls sideways, no
// action's label is cut short, and no page logs a console error (the browser support's own check).
// The other specs check the pages they walk through at their own sizes; this one is the sweep.
import { randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectFits, launchBrowser, screenshot } from './support/browser';
import { payWithReceipt, type ReceiptedPayment } from './support/receipted-payment';
import { createStaffUser, signInAsStaff, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const NAVIGATION = { timeout: 120_000, waitUntil: 'networkidle' } as const;
const SCREENS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'wide', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('every page fits the clerk’s and the resident’s screens', () => {
  let browser: Browser;
  let paid: ReceiptedPayment;
  let staff: StaffIdentity;
  let claimId: string;
  let districtId: string;
  let accountId: string;

  beforeAll(async () => {
    paid = await payWithReceipt({ email: `fit-${randomUUID().slice(0, 8)}@example.ru`, kwh: 400 });
    staff = await createStaffUser({ prisma, roles: ['sales', 'operator', 'admin'], name: 'Екатерина Смирнова-Белоусова' });
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paid.paymentId } });
    claimId = (
      await prisma.claim.create({
        data: {
          paymentId: paid.paymentId,
          receiptNumber: paid.receipt.number,
          receiptGenuine: true,
          residentName: 'Константинопольская Александра Владимировна',
          residentContact: 'a.konstantinopolskaya@example.ru',
          description: 'Оплатила картой, деньги списаны, на лицевой счёт не поступили. '.repeat(4).trim(),
          openedById: staff.id,
        },
      })
    ).id;
    districtId = (await prisma.district.findFirstOrThrow({ where: { code: 'omsk' } })).id;
    accountId = payment.accountId;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  const sweep = async (context: BrowserContext, base: string, screen: string, paths: readonly string[]) => {
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(new URL(path, base).toString(), NAVIGATION);
      await screenshot(
        page,
        `fit-${screen}-${new URL(base).port === new URL(stackEnv.adminUrl).port ? 'console' : 'site'}${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}`,
      );
      await expectFits(page);
    }
    await page.close();
  };

  for (const screen of SCREENS) {
    it(`the site at ${screen.width}×${screen.height}, in Russian and in English`, async () => {
      for (const locale of ['ru', 'en'] as const) {
        const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
        await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: stackEnv.webUrl }]);
        await sweep(context, stackEnv.webUrl, `${screen.name}-${locale}`, [
          '/',
          '/pay',
          `/pay/${paid.paymentId}/return`,
          '/my-payments',
          '/my-payments/find',
          '/receipts/verify',
        ]);
        await context.close();
      }
    }, 600_000);

    it(`the console at ${screen.width}×${screen.height}`, async () => {
      const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
      const page = await context.newPage();
      await signInAsStaff(page, staff.email, { prisma });
      await page.close();
      await sweep(context, stackEnv.adminUrl, screen.name, [
        '/',
        '/payments',
        `/payments?receiptNumber=${paid.receipt.number}`,
        `/payments/${paid.paymentId}`,
        '/queues',
        '/queues?queue=NEEDS_ATTENTION',
        '/receipts/check',
        '/claims',
        '/claims/new',
        `/claims/${claimId}`,
        '/audit',
        '/tariffs',
        '/districts',
        `/districts/${districtId}`,
        '/accounts',
        `/accounts/${accountId}`,
        '/staff',
      ]);
      await context.close();
    }, 600_000);
  }
});
