import { describe, expect, it } from 'vitest';
import { countOf, csvLinkText } from './format';

const ROWS = ['строка', 'строки', 'строк'] as const;

describe('countOf', () => {
  it('follows the Russian plural rule, not "1 строк"', () => {
    expect([0, 1, 2, 5, 11, 21, 22, 25, 111, 1001].map((n) => countOf(n, ROWS))).toEqual([
      '0 строк',
      '1 строка',
      '2 строки',
      '5 строк',
      '11 строк',
      '21 строка',
      '22 строки',
      '25 строк',
      '111 строк',
      '1\u00a0001 строка',
    ]);
  });
});

describe('csvLinkText', () => {
  it('says how many rows the file holds, and that it is cut when the list is longer', () => {
    expect(csvLinkText(3, 10_000, ROWS)).toBe('Скачать CSV: 3 строки');
    expect(csvLinkText(12_345, 10_000, ROWS)).toBe('Скачать CSV: первые 10\u00a0000 строк из 12\u00a0345');
  });
});
