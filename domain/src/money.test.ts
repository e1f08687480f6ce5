import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoubles, hasTooManyDecimals, parseRoublesToKopecks } from './money';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatRoubles', () => {
  it('writes Russian amounts with a thin group space, a decimal comma and a no-break space before ₽', () => {
    expect(formatRoubles(123456, 'ru')).toBe(`1${NNBSP}234,56${NBSP}₽`);
    expect(formatRoubles(15_000_000, 'ru')).toBe(`150${NNBSP}000,00${NBSP}₽`);
    expect(formatRoubles(123_456_789_01, 'ru')).toBe(`123${NNBSP}456${NNBSP}789,01${NBSP}₽`);
    expect(formatRoubles(99999, 'ru')).toBe(`999,99${NBSP}₽`);
    expect(formatRoubles(5, 'ru')).toBe(`0,05${NBSP}₽`);
    expect(formatRoubles(0, 'ru')).toBe(`0,00${NBSP}₽`);
    expect(formatRoubles(-123456, 'ru')).toBe(`-1${NNBSP}234,56${NBSP}₽`);
  });

  it('writes English amounts with the sign first and comma groups', () => {
    expect(formatRoubles(123456, 'en')).toBe('₽1,234.56');
    expect(formatRoubles(100, 'en')).toBe('₽1.00');
    expect(formatRoubles(100_000_000, 'en')).toBe('₽1,000,000.00');
    expect(formatRoubles(-7, 'en')).toBe('-₽0.07');
  });

  it('refuses what is not a whole number of kopecks', () => {
    expect(() => formatRoubles(1.5, 'ru')).toThrow(RangeError);
    expect(() => formatRoubles(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatRoubles(2 ** 53, 'ru')).toThrow(RangeError);
  });

  it('keeps every digit: removing the separators gives the kopecks back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (k) => {
        const ru = formatRoubles(k, 'ru');
        expect(Number(ru.replace(/[^\d]/g, ''))).toBe(k);
        expect(Number(formatRoubles(k, 'en').replace(/[^\d]/g, ''))).toBe(k);
        // Groups are exactly three digits after the first.
        expect(ru).toMatch(/^\d{1,3}(\u202F\d{3})*,\d{2}\u00A0₽$/);
      }),
    );
  });
});

describe('parseRoublesToKopecks', () => {
  it.each([
    ['1234', 123400],
    ['1234,5', 123450],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1 234,56', 123456],
    [`1${NNBSP}234,56`, 123456],
    [`1${NBSP}234,56`, 123456],
    ['12 345 678,9', 1234567890],
    ['  42  ', 4200],
    ['0,01', 1],
    ['0', 0],
    ['007', 700],
    ['1234,56 ₽', 123456],
    ['1234 руб.', 123400],
  ])('reads %j as %i kopecks', (text, kopecks) => expect(parseRoublesToKopecks(text)).toBe(kopecks));

  it.each([
    '',
    ' ',
    '-5',
    '+5',
    '1,234.56',
    '1.234,56',
    '1234,567',
    '12 34',
    '1 2345',
    '1234,',
    ',5',
    '.5',
    '1e3',
    'abc',
    '12a',
    '1 234 ,56',
    'Infinity',
    '99999999999999999',
  ])('refuses %j', (text) => expect(parseRoublesToKopecks(text)).toBeNull());

  it('reads back what formatRoubles writes in Russian', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (k) => {
        expect(parseRoublesToKopecks(formatRoubles(k, 'ru'))).toBe(k);
      }),
    );
  });

  it('never returns a fraction or an unsafe number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', ',', '.', ' ', '-') }), (text) => {
        const k = parseRoublesToKopecks(text);
        if (k !== null) expect(Number.isSafeInteger(k) && k >= 0).toBe(true);
      }),
    );
  });
});

describe('hasTooManyDecimals', () => {
  it.each([
    ['100,555', true],
    ['1 000.5555 ₽', true],
    ['100,55', false],
    ['100', false],
    ['10a,555', false],
    ['1,234,567', false],
  ])('%j → %s', (text, expected) => expect(hasTooManyDecimals(text)).toBe(expected));
});
