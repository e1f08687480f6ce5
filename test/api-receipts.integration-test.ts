// Receipts over the public API: a receipt number alone opens nothing, and a wrong code looks
// exactly like a missing receipt (numbers are sequential, so either would let anyone enumerate them).
import { describe, expect, it } from 'vitest';
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
