// What the email_outbox keeps: a sign-in email's body (a live one-time link) only while the outbox
// is the mailbox (no provider); once Resend has it, only who/what/when. And the retention purge:
// sign-in emails after a day, any email after EMAIL_OUTBOX_RETENTION.allDays.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendStaffSignInEmail } from '@voltpay/admin/testing';
import { EMAIL_OUTBOX_RETENTION, purgeEmailOutbox } from '@voltpay/emails';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

describe('email outbox: sign-in bodies and retention', () => {
  let prisma: PrismaClient;
  let server: Server;
  let baseUrl: string;
  const sentBodies: string[] = [];

  beforeAll(async () => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
    // A Resend test double: accepts every email.
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        sentBodies.push(data);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await prisma?.$disconnect();
  });

  const signInEmail = async (resend: { apiKey?: string; baseUrl?: string }) => {
    const to = `outbox-${randomUUID().slice(0, 8)}@voltpay.test`;
    const token = randomBytes(32).toString('hex');
    const url = `http://localhost:3001/api/auth/callback/email?token=${token}&email=${encodeURIComponent(to)}`;
    await sendStaffSignInEmail({ prisma, resend, from: 'Voltpay <x@voltpay.test>', to, url, token, expires: new Date(Date.now() + 900_000) });
    return { to, token, row: await prisma.emailOutbox.findFirstOrThrow({ where: { to } }) };
  };

  it('keeps a sign-in email in full while the outbox is the mailbox', async () => {
    const { token, row } = await signInEmail({});
    expect(row.status).toBe('STORED');
    expect(row.text).toContain(token);
  });

  it('keeps no body of a sign-in email once the provider has it', async () => {
    const { token, row } = await signInEmail({ apiKey: 're_test_key', baseUrl });
    expect(row.status).toBe('SENT');
    expect(sentBodies.some((body) => body.includes(token))).toBe(true);
    expect(row.subject).toMatch(/Вход в консоль/);
    expect(row.text).toBe('');
    expect(row.html).toBe('');
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('purges sign-in emails after a day and any email after the retention period', async () => {
    const now = new Date();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    const make = (idempotencyKey: string, createdAt: Date) =>
      prisma.emailOutbox.create({
        data: { idempotencyKey, to: 'retention@voltpay.test', subject: 's', html: 'h', text: 't', status: 'STORED', createdAt },
        select: { id: true },
      });
    const run = randomUUID();
    const freshSignIn = await make(`staff-sign-in:${run}-fresh`, hoursAgo(2));
    const oldSignIn = await make(`staff-sign-in:${run}-old`, hoursAgo(EMAIL_OUTBOX_RETENTION.signInHours + 1));
    const oldResidentSignIn = await make(`resident-sign-in:${run}-old`, hoursAgo(EMAIL_OUTBOX_RETENTION.signInHours + 1));
    const recentReceipt = await make(`receipt:${run}-recent`, hoursAgo(EMAIL_OUTBOX_RETENTION.signInHours + 1));
    const ancientReceipt = await make(`receipt:${run}-ancient`, hoursAgo(EMAIL_OUTBOX_RETENTION.allDays * 24 + 1));

    const purged = await purgeEmailOutbox({ prisma, now });
    expect(purged.signIn).toBeGreaterThanOrEqual(2);
    expect(purged.old).toBeGreaterThanOrEqual(1);
    const left = new Set((await prisma.emailOutbox.findMany({ where: { idempotencyKey: { contains: run } }, select: { id: true } })).map((r) => r.id));
    expect(left.has(freshSignIn.id)).toBe(true);
    expect(left.has(recentReceipt.id)).toBe(true);
    expect(left.has(oldSignIn.id)).toBe(false);
    expect(left.has(oldResidentSignIn.id)).toBe(false);
    expect(left.has(ancientReceipt.id)).toBe(false);
    await prisma.emailOutbox.deleteMany({ where: { idempotencyKey: { contains: run } } });
  });
});
