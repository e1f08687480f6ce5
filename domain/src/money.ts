// Roubles on screen and kopecks in code: formatting and parsing with integer and string math
// only, so workflow code, the API and the site print and read the same thing (no Intl: its output
// differs between ICU versions, and the design asks for a narrow no-break space).
import type { Kopecks, Locale } from './types';

/** U+202F NARROW NO-BREAK SPACE: the thin space between digit groups (`1 234,56 ₽`). */
export const RU_GROUP_SEPARATOR = '\u202F';
/** U+00A0 NO-BREAK SPACE: keeps the sign on the same line as the number. */
export const RU_CURRENCY_SPACE = '\u00A0';

const groupDigits = (digits: string, separator: string): string => {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
};

/** `123456` → `1 234,56 ₽` (ru) or `₽1,234.56` (en). Throws on a non-integer: kopecks never are. */
export const formatRoubles = (kopecks: Kopecks, locale: Locale): string => {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`formatRoubles: ${kopecks} is not a whole number of kopecks`);
  const sign = kopecks < 0 ? '-' : '';
  const digits = String(Math.abs(kopecks)).padStart(3, '0');
  const roubles = digits.slice(0, -2);
  const fraction = digits.slice(-2);
  switch (locale) {
    case 'ru':
      return `${sign}${groupDigits(roubles, RU_GROUP_SEPARATOR)},${fraction}${RU_CURRENCY_SPACE}₽`;
    case 'en':
      return `${sign}₽${groupDigits(roubles, ',')}.${fraction}`;
    default: {
      const unknown: never = locale;
      throw new RangeError(`formatRoubles: unknown locale ${String(unknown)}`);
    }
  }
};

// Spaces people (and copy-paste from our own formatting) put between digit groups.
const SPACES = /[ \u00A0\u2009\u202F]/;
const AMOUNT_PATTERN = /^(\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

const TOO_PRECISE_PATTERN = /^(\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+|\d+)[.,]\d{3,}$/;

/**
 * Whether a typed amount that `parseRoublesToKopecks` refuses is otherwise a number but has more
 * than two digits after the comma (`100,555`): the resident is told exactly that, not "enter an
 * amount".
 */
export const hasTooManyDecimals = (text: string): boolean => TOO_PRECISE_PATTERN.test(text.trim().replace(/\s*(?:₽|руб\.?|р\.)$/iu, ''));

/**
 * Reads a typed rouble amount into kopecks: `1234`, `1234,5`, `1 234,56`, `1234.56` (a trailing
 * `₽` or `руб.` is allowed). Null for anything else: negatives, more than two decimals, a
 * thousands comma (`1,234` is ambiguous where the comma is the decimal mark), misplaced spaces.
 * Zero parses to 0; whether an amount is acceptable is the quote's business.
 */
export const parseRoublesToKopecks = (text: string): Kopecks | null => {
  const trimmed = text.trim().replace(/\s*(?:₽|руб\.?|р\.)$/iu, '');
  const match = AMOUNT_PATTERN.exec(trimmed);
  if (!match) return null;
  const roubles = (match[1] ?? '')
    .split(SPACES)
    .join('')
    .replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const kopecks = Number(roubles) * 100 + Number(fraction);
  // Past 2^53 the sum above is no longer exact; such an amount is nonsense anyway.
  if (!Number.isSafeInteger(kopecks) || roubles.length > 15) return null;
  return kopecks;
};
