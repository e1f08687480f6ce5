import { describe, expect, it } from 'vitest';
import { computeVerificationCode, formatVerificationCode, normaliseVerificationCode, verificationCodesMatch, type VerifiedFields } from './verification-code';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const fields: VerifiedFields = {
  number: '20260106-000001',
  paymentId: '6f1d2c3b-4a59-4e7f-8a1b-2c3d4e5f6a7b',
  totalKopecks: 123456,
  issuedAt: new Date('2026-01-05T18:00:00.123Z'),
  accountNumber: '99991234567',
};

describe('computeVerificationCode', () => {
  it('is 12 characters of Crockford base32, stable for the same fields and key', () => {
    const code = computeVerificationCode({ secret, fields });
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
    expect(computeVerificationCode({ secret, fields })).toBe(code);
  });

  it('changes when any key field or the key changes', () => {
    const code = computeVerificationCode({ secret, fields });
    const variants: VerifiedFields[] = [
      { ...fields, number: '20260106-000002' },
      { ...fields, paymentId: '6f1d2c3b-4a59-4e7f-8a1b-2c3d4e5f6a7c' },
      { ...fields, totalKopecks: 123457 },
      { ...fields, issuedAt: new Date('2026-01-05T18:00:00.124Z') },
      { ...fields, accountNumber: '99991234568' },
    ];
    for (const variant of variants) expect(computeVerificationCode({ secret, fields: variant })).not.toBe(code);
    expect(computeVerificationCode({ secret: `${secret}!`, fields })).not.toBe(code);
  });

  it('matches an independent HMAC-SHA256 of the documented message', async () => {
    const { createHmac } = await import('node:crypto');
    const digest = createHmac('sha256', secret)
      .update(['voltpay-receipt-v1', fields.number, fields.paymentId, '123456', '2026-01-05T18:00:00.123Z', fields.accountNumber].join('\n'))
      .digest();
    // The first 60 bits, five at a time, through the Crockford alphabet.
    const bits = [...digest]
      .map((byte) => byte.toString(2).padStart(8, '0'))
      .join('')
      .slice(0, 60);
    const expected = (bits.match(/.{5}/g) ?? []).map((chunk) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(chunk, 2)]).join('');
    expect(computeVerificationCode({ secret, fields })).toBe(expected);
  });
});

describe('formatVerificationCode / normaliseVerificationCode', () => {
  it('prints groups of four and reads them back', () => {
    expect(formatVerificationCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
    expect(normaliseVerificationCode('ABCD-EFGH-JKMN')).toBe('ABCDEFGHJKMN');
  });

  it('forgives case, spaces, dashes and the look-alike letters O, I, L', () => {
    expect(normaliseVerificationCode(' abcd efgh-jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normaliseVerificationCode('OIL0-1234-5678')).toBe('011012345678');
    expect(normaliseVerificationCode('abcd—efgh–jkmn')).toBe('ABCDEFGHJKMN');
  });

  it('rejects wrong lengths and characters outside the alphabet', () => {
    expect(normaliseVerificationCode('ABCD-EFGH-JKM')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH-JKMNP')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH-JKMU')).toBeNull();
    expect(normaliseVerificationCode('ABCD-EFGH-JKM!')).toBeNull();
  });
});

describe('verificationCodesMatch', () => {
  it('is true only for the identical code', () => {
    expect(verificationCodesMatch('ABCDEFGHJKMN', 'ABCDEFGHJKMN')).toBe(true);
    expect(verificationCodesMatch('ABCDEFGHJKMN', 'ABCDEFGHJKMP')).toBe(false);
    expect(verificationCodesMatch('ABCDEFGHJKMN', 'ABCDEFGHJKM')).toBe(false);
  });
});
