// Receipt verification codes: an HMAC-SHA256 of the receipt's key fields, cut to 60 bits and
// written in Crockford's base32 (no I, L, O, U) as `ABCD-EFGH-JKMN`, so a clerk can read it off
// paper and type it back without confusing 0/O or 1/I/L.
import { createHmac, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

export type VerifiedFields = {
  number: string;
  paymentId: string;
  totalKopecks: number;
  issuedAt: Date;
  accountNumber: string;
};

/** The 12 significant characters, without dashes. */
export const computeVerificationCode = ({ secret, fields }: { secret: string; fields: VerifiedFields }): string => {
  // Versioned and newline-separated: no field can shift into its neighbour, and a future
  // change of fields can keep old receipts verifiable under `v1`.
  const message = [
    'voltpay-receipt-v1',
    fields.number,
    fields.paymentId.toLowerCase(),
    String(fields.totalKopecks),
    fields.issuedAt.toISOString(),
    fields.accountNumber,
  ].join('\n');
  const digest = createHmac('sha256', secret).update(message, 'utf8').digest();
  let code = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < CODE_LENGTH) {
      code += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
    if (code.length === CODE_LENGTH) break;
  }
  return code;
};

/** `ABCDEFGHJKMN` → `ABCD-EFGH-JKMN`, as printed. */
export const formatVerificationCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/**
 * A typed code in canonical form (upper case, no dashes or spaces; O read as 0, I and L as 1),
 * or null when it cannot be a code at all.
 */
export const normaliseVerificationCode = (input: string): string | null => {
  const compact = input
    .toUpperCase()
    .replace(/[\s\u2010-\u2015\u2212-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== CODE_LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
};

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export const verificationCodesMatch = (expected: string, candidate: string): boolean => {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(candidate, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
};
