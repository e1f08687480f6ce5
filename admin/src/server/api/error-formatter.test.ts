// The console's error shape over real HTTP handling of the real router: an unexpected failure
// reaches staff as a generic Russian message with a reference (the detail only in the server log);
// our own refusals and zod's field issues reach them as they are.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { PrismaClient } from '@voltpay/prisma';
import { afterEach, describe, expect, it, vi } from 'vitest';

process.env.SKIP_ENV_VALIDATION = '1';
const { appRouter } = await import('./root');
const { createTRPCContext, INTERNAL_ERROR_MESSAGE } = await import('./trpc');
const { log } = await import('../log');

const admin = { id: '00000000-0000-4000-8000-000000000001', email: 'admin@voltpay.test', name: 'Админ', roles: ['admin' as const] };
// A database that fails the way a real one does, with names of tables in the message.
const brokenPrisma = new Proxy({} as PrismaClient, {
  get: () => {
    throw new Error('Invalid `prisma.staffUser.findMany()` invocation: relation "staff_users" does not exist (password=hunter2)');
  },
});

const call = async (path: string, init: { method: 'GET' | 'POST'; body?: unknown }) => {
  const url = `http://console.test/api/trpc/${path}`;
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url, {
      method: init.method,
      ...(init.body === undefined ? {} : { body: JSON.stringify({ json: init.body }), headers: { 'content-type': 'application/json' } }),
    }),
    router: appRouter,
    createContext: () => createTRPCContext({ headers: new Headers(), staff: admin, prisma: brokenPrisma }),
  });
  const body = (await response.json()) as { error: { json: { message: string; data: { code: string; stack?: string; zodError: unknown } } } };
  return { status: response.status, error: body.error.json };
};

describe('console error formatter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hides an unexpected failure behind a generic message and logs the detail on the server', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const { status, error } = await call('staff.listStaffUsers', { method: 'GET' });
    expect(status).toBe(500);
    expect(error.data.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message.startsWith(INTERNAL_ERROR_MESSAGE)).toBe(true);
    expect(JSON.stringify(error)).not.toMatch(/staff_users|prisma|hunter2/);
    expect(error.data.stack).toBeUndefined();
    // The reference in the message is the one in the log line that holds the detail.
    const reference = /([0-9a-f]{8})\.$/.exec(error.message)?.[1];
    expect(reference).toBeDefined();
    expect(logged).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: expect.stringContaining('staff_users') }) },
      expect.stringContaining(reference!),
    );
  });

  it('keeps zod issues for the forms', async () => {
    const { status, error } = await call('staff.createStaffUser', { method: 'POST', body: { email: 'не почта', name: '', roles: [] } });
    expect(status).toBe(400);
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(error.data.zodError).toMatchObject({ fieldErrors: expect.objectContaining({ email: expect.any(Array) }) });
  });

  it('keeps the console’s own refusals as written', async () => {
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://console.test/api/trpc/staff.listStaffUsers'),
      router: appRouter,
      createContext: () => createTRPCContext({ headers: new Headers(), staff: null, prisma: brokenPrisma }),
    });
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe('Войдите в консоль.');
  });
});
