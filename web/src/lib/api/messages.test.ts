import type { QuoteErrorCode } from '@voltpay/domain';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, FIELD_MESSAGES, STATUS_PHRASES, errorMessage } from './messages';

const QUOTE_CODES: QuoteErrorCode[] = [
  'NO_TARIFF',
  'READINGS_ZONES_MISMATCH',
  'READING_INVALID',
  'READING_OVER_CAPACITY',
  'READING_WENT_BACKWARDS',
  'READING_START_MISMATCH',
  'READINGS_CHANGED',
  'CONSUMPTION_TOO_HIGH',
  'AMOUNT_INVALID',
  'TOTAL_NOT_POSITIVE',
  'TOTAL_OVER_CEILING',
];

describe('messages', () => {
  it('has Russian and English words for every code, without params and with odd ones', () => {
    for (const [code, translation] of Object.entries(ERROR_MESSAGES)) {
      for (const params of [{}, { status: 42, zone: 'MOON', ceilingKopecks: 1.5, step: 'nowhere' }]) {
        const ru = translation.ru(params);
        const en = translation.en(params);
        expect(ru, code).toMatch(/[А-Яа-яЁё]/);
        expect(en, code).toMatch(/^[\x20-\x7E₽’«»\u00A0\u202F]+$/);
        expect(`${ru}${en}`, code).not.toMatch(/undefined|NaN|\[object/);
      }
    }
    for (const [key, translation] of Object.entries(FIELD_MESSAGES)) {
      expect(translation.ru({}), key).toMatch(/[А-Яа-яЁё]/);
      expect(translation.en({}), key).not.toBe('');
    }
  });

  it('covers every refusal of the quote', () => {
    for (const code of QUOTE_CODES) expect(ERROR_MESSAGES[code], code).toBeDefined();
  });

  it('says where a payment is for every status', () => {
    expect(Object.keys(STATUS_PHRASES)).toHaveLength(11);
    expect(errorMessage({ code: 'WRONG_STATE', params: { status: 'COMPLETED' }, locale: 'ru' })).toBe('Действие недоступно: платёж уже оплачен.');
  });

  it('words readings the way a resident reads the bill', () => {
    expect(errorMessage({ code: 'READING_WENT_BACKWARDS', locale: 'ru' })).toBe('Показание на конец периода меньше начального.');
    expect(errorMessage({ code: 'READING_OVER_CAPACITY', params: { capacity: 99_999, zone: 'NIGHT' }, locale: 'ru' })).toBe(
      'Показание больше, чем может показать счётчик (не более 99999) (ночная зона).',
    );
    expect(errorMessage({ code: 'CONSUMPTION_TOO_HIGH', params: { kwh: 25_000 }, locale: 'en' })).toBe(
      'The consumption is too high: 25000 kWh. Please check the readings.',
    );
  });
});
