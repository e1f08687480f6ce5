import { describe, expect, it } from 'vitest';
import { formatRoubles, receiptPdfUrl, receiptVerificationUrl } from './format';

describe('formatRoubles', () => {
  it('prints kopecks as roubles with a narrow no-break space and a comma (ru)', () => {
    expect(formatRoubles(123456, 'ru')).toBe('1\u202F234,56\u00A0₽');
    expect(formatRoubles(5, 'ru')).toBe('0,05\u00A0₽');
    expect(formatRoubles(1_000_000_00, 'ru')).toBe('1\u202F000\u202F000,00\u00A0₽');
    expect(formatRoubles(123456, 'en')).toBe('₽1,234.56');
  });

  it('refuses fractions of a kopeck', () => {
    expect(() => formatRoubles(1.5, 'ru')).toThrow(RangeError);
  });
});

describe('receipt URLs', () => {
  it('point at the public site, with one slash and encoded parameters', () => {
    expect(receiptVerificationUrl({ webPublicUrl: 'https://pay.example.ru/', number: '20260106-000001', code: 'ABCD-EFGH-JKMN' })).toBe(
      'https://pay.example.ru/receipts/verify?number=20260106-000001&code=ABCD-EFGH-JKMN',
    );
    expect(receiptPdfUrl({ webPublicUrl: 'http://localhost:3000', number: '20260106-000001', code: 'ABCD-EFGH-JKMN' })).toBe(
      'http://localhost:3000/api/v1/receipts/20260106-000001.pdf?code=ABCD-EFGH-JKMN',
    );
  });
});
