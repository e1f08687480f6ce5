// Receipts over the public API: a receipt number alone opens nothing, and a wrong code looks
// exactly like a missing receipt (numbers are sequential, so either would let anyone enumerate them).
import { beforeAll, describe, expect, it } from 'vitest';
import { payWithReceipt, type ReceiptedPayment } from './support/receipted-payment';
import { stackEnv } from './support/stack-env';

const get = async (path: string) => {
  const response = await fetch(new URL(path, stackEnv.webUrl));
  return { status: response.status, body: (await response.json()) as { code?: string; status?: string; message?: string } };
};

describe('/api/v1/receipts', () => {
  it('verify: an unknown number or a wrong code is INVALID, and says nothing more', async () => {
    const unknown = await get('/api/v1/receipts/verify?number=20000101-000001&code=ABCD-EFGH-JKMN');
    expect(unknown).toEqual({ status: 200, body: { status: 'INVALID' } });
    const malformed = await get('/api/v1/receipts/verify?number=20000101-000001');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('PDF: needs the verification code or the payment id, and a wrong one is a plain 404', async () => {
    const bare = await get('/api/v1/receipts/20000101-000001.pdf');
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('VALIDATION_FAILED');
    const wrong = await get('/api/v1/receipts/20000101-000001.pdf?code=ABCD-EFGH-JKMN');
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('RECEIPT_NOT_FOUND');
  });
});

describe('/api/v1/receipts: an unknown receipt and a wrong code are the same answer, in the same time', () => {
  let paid: ReceiptedPayment;
  beforeAll(async () => {
    paid = await payWithReceipt({ email: null });
  }, 120_000);

  /** A well-formed number of the same day that no receipt has (the day's counter is far below it). */
  const unknownNumber = () => `${paid.receipt.number.slice(0, 9)}999999`;
  const wrongCode = 'ABCD-EFGH-JKMN';

  const timed = async (path: string) => {
    const started = performance.now();
    const response = await fetch(new URL(path, stackEnv.webUrl));
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  it.each([
    ['verify', (number: string) => `/api/v1/receipts/verify?number=${number}&code=${wrongCode}`],
    ['PDF', (number: string) => `/api/v1/receipts/${number}.pdf?code=${wrongCode}`],
  ] as const)('%s: same status and body; medians of 15 tries within 3× of each other', async (_name, path) => {
    const unknown: Awaited<ReturnType<typeof timed>>[] = [];
    const wrong: Awaited<ReturnType<typeof timed>>[] = [];
    // Warm both paths, then alternate so that load on the machine falls on both alike.
    await timed(path(unknownNumber()));
    await timed(path(paid.receipt.number));
    for (let i = 0; i < 15; i += 1) {
      unknown.push(await timed(path(unknownNumber())));
      wrong.push(await timed(path(paid.receipt.number)));
    }
    expect(new Set([...unknown, ...wrong].map(({ status, text }) => `${status} ${text}`)).size).toBe(1);
    const ratio = median(unknown.map((t) => t.ms)) / median(wrong.map((t) => t.ms));
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});
