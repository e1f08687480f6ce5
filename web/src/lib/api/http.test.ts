import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from './errors';
import { apiRoute, jsonResponse, MAX_BODY_BYTES, readBody, readTextCapped } from './http';

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, url = 'http://x/api/v1/t') =>
  new Request(url, { method: 'POST', body, headers });

const Schema = z.object({ n: z.number() });
const route = apiRoute(async ({ request, locale }) => {
  const body = await readBody({ request, schema: Schema, locale });
  return jsonResponse({ schema: Schema, body, locale });
});
const call = async (request: Request) => {
  const response = await route(request, { params: Promise.resolve({}) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

afterEach(() => vi.restoreAllMocks());

// The site's logger, writing into an array instead of stdout: what the test reads is the JSON line itself.
const loggedLines = vi.hoisted(() => [] as string[]);
vi.mock('../log', async () => {
  const { createLogger } = await import('@voltpay/logger');
  return { log: createLogger({ name: 'web', destination: { write: (line: string) => void loggedLines.push(line) } }) };
});

describe('apiRoute and readBody', () => {
  it('answers the validated body, never cached', async () => {
    const { status, headers, body } = await call(post('{"n":1,"extra":true}'));
    expect(status).toBe(200);
    expect(body).toEqual({ n: 1 });
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-language')).toBe('ru');
  });

  it.each(['{bad', '', '   ', 'null}'])('%j is INVALID_JSON 400, not a 500', async (text) => {
    const { status, body } = await call(post(text));
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_JSON');
  });

  it('valid JSON of the wrong shape is VALIDATION_FAILED, in the asked language', async () => {
    const { status, body } = await call(post('[1,2]', { 'content-type': 'application/json', 'accept-language': 'en' }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Please check the data/) });
  });

  it('refuses a body that says it is not JSON, and one too large', async () => {
    expect((await call(post('n=1', { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(415);
    expect((await call(post(JSON.stringify({ n: 1, pad: 'x'.repeat(MAX_BODY_BYTES) })))).status).toBe(413);
    // fetch() labels a string body text/plain: tolerated, like no label at all.
    expect((await call(post('{"n":2}', {}))).status).toBe(200);
    expect((await call(new Request('http://x/', { method: 'POST', body: new TextEncoder().encode('{"n":3}') }))).status).toBe(200);
  });

  it('stops reading a chunked body (no content-length) at the cap and answers 413', async () => {
    // 1 MiB offered in 1 KiB chunks; the reader must give up just past 16 KiB, not swallow it all.
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += 1;
        if (pulled > 1024) controller.close();
        else controller.enqueue(chunk);
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const request = new Request('http://x/api/v1/t', { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const { status, body: answer } = await call(request);
    expect(status).toBe(413);
    expect(answer.code).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBeLessThanOrEqual(MAX_BODY_BYTES / 1024 + 3);
    expect(cancelled).toBe(true);
  });

  it('readTextCapped returns a body at the cap whole, multi-byte characters across chunks intact', async () => {
    const bytes = new TextEncoder().encode('ё'.repeat(8));
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const request = new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readTextCapped(request, bytes.byteLength)).toBe('ё'.repeat(8));
  });

  it('answers an ApiError as itself, with its headers', async () => {
    const limited = apiRoute(async () => {
      throw new ApiError({ code: 'TOO_MANY_REQUESTS', status: 429, params: { retryAfterSeconds: 6 }, headers: { 'retry-after': '6' } });
    });
    const response = await limited(new Request('http://x/?lang=en'), { params: Promise.resolve({}) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('6');
    expect(await response.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again in 6 s.', params: { retryAfterSeconds: 6 } });
  });

  it('turns an unexpected failure into INTERNAL_ERROR and logs it without the request’s data', async () => {
    loggedLines.length = 0;
    const broken = apiRoute(async ({ request }) => {
      await request.text();
      throw new TypeError('cannot read x of undefined');
    });
    const response = await broken(
      post(
        '{"email":"resident@example.ru"}',
        { 'content-type': 'application/json' },
        'http://x/api/v1/payments/3f0c8f9e-2b1a-4c7d-9e55-0a1b2c3d4e5f/receipt-email',
      ),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 'INTERNAL_ERROR', message: 'Что-то пошло не так. Попробуйте ещё раз.' });
    expect(loggedLines).toHaveLength(1);
    const line = String(loggedLines[0]);
    expect(JSON.parse(line)).toMatchObject({
      level: 'error',
      path: '/api/v1/payments/:id/receipt-email',
      code: 'INTERNAL_ERROR',
      error: 'TypeError: cannot read x of undefined',
    });
    expect(line).not.toContain('resident@example.ru');
    expect(line).not.toContain('3f0c8f9e');
  });
});
