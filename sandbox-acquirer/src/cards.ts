// The sandbox's test cards and the card form's rules (Luhn, expiry, CVV2). Pure: no I/O.

/** What a test card makes the sandbox do after the card page is submitted. */
export type CardScenario =
  /** Approved at once, no 3-D Secure. */
  | 'frictionless'
  /** 3-D Secure: approved after the right one-time password; three wrong ones decline it. */
  | 'otp'
  | 'declined'
  | 'insufficient_funds'
  /** 3-D Secure that never completes: the issuer "does not answer"; the order stays AWAITING_OTP. */
  | 'no_answer'
  /** Approved, then the acquirer is "down" for this order (API 503, webhooks held) for a while. */
  | 'outage';

export type TestCard = { number: string; scenario: CardScenario; brand: 'Visa' | 'Mastercard'; description: { ru: string; en: string } };

// Every number passes the Luhn check (cards.test.ts checks that).
export const TEST_CARDS: readonly TestCard[] = [
  { number: '4111111111111111', scenario: 'frictionless', brand: 'Visa', description: { ru: 'одобрение без 3-D Secure', en: 'approved, no 3-D Secure' } },
  { number: '5555555555554444', scenario: 'frictionless', brand: 'Mastercard', description: { ru: 'одобрение без 3-D Secure', en: 'approved, no 3-D Secure' } },
  {
    number: '4000000000003220',
    scenario: 'otp',
    brand: 'Visa',
    description: { ru: 'одобрение после кода 3-D Secure', en: 'approved after the 3-D Secure code' },
  },
  { number: '4000000000000002', scenario: 'declined', brand: 'Visa', description: { ru: 'отказ банка', en: 'declined by the bank' } },
  { number: '4000000000009995', scenario: 'insufficient_funds', brand: 'Visa', description: { ru: 'недостаточно средств', en: 'insufficient funds' } },
  {
    number: '4000000000003063',
    scenario: 'no_answer',
    brand: 'Visa',
    description: { ru: 'банк не отвечает (3-D Secure)', en: 'the bank never answers (3-D Secure)' },
  },
  {
    number: '4000000000000119',
    scenario: 'outage',
    brand: 'Visa',
    description: { ru: 'эквайер недоступен после оплаты', en: 'the acquirer is down after the payment' },
  },
];

/** Digits only: people type spaces and dashes between the groups. */
export const normaliseCardNumber = (input: string) => input.replace(/[\s-]/g, '');

export const passesLuhn = (digits: string): boolean => {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
};

export const findTestCard = (digits: string): TestCard | undefined => TEST_CARDS.find((card) => card.number === digits);

export type CardField = 'holder' | 'number' | 'expMonth' | 'expYear' | 'cvc';

export type CardFieldError =
  | 'required'
  | 'holder_invalid'
  | 'number_invalid'
  | 'number_luhn'
  /** A valid number that is not one of the sandbox's test cards (a real card typed here by mistake). */
  | 'number_not_test_card'
  | 'month_invalid'
  | 'year_invalid'
  | 'expired'
  | 'cvc_invalid';

export type CardFormInput = { holder: string; number: string; expMonth: string; expYear: string; cvc: string };

/** Only what the sandbox may keep: the number and CVV2 are checked and then forgotten. */
export type AcceptedCard = { last4: string; scenario: CardScenario };

export type CardFormResult = { ok: true; card: AcceptedCard } | { ok: false; errors: Partial<Record<CardField, CardFieldError>> };

const HOLDER_PATTERN = /^[A-Z][A-Z .'-]{0,24}[A-Z.]$/;

/** Checks the card form as a real acquirer would; `now` decides which expiry dates are past. */
export const validateCardForm = (input: CardFormInput, now: Date): CardFormResult => {
  const errors: Partial<Record<CardField, CardFieldError>> = {};

  const holder = input.holder.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!holder) errors.holder = 'required';
  // Names are embossed in Latin capitals; 26 characters is the usual limit.
  else if (!HOLDER_PATTERN.test(holder)) errors.holder = 'holder_invalid';

  const digits = normaliseCardNumber(input.number);
  let card: TestCard | undefined;
  if (!digits) errors.number = 'required';
  else if (!/^\d{13,19}$/.test(digits)) errors.number = 'number_invalid';
  else if (!passesLuhn(digits)) errors.number = 'number_luhn';
  else if (!(card = findTestCard(digits))) errors.number = 'number_not_test_card';

  const monthText = input.expMonth.trim();
  const yearText = input.expYear.trim();
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
  // Two digits as printed on the card (28 → 2028), or four.
  const year = /^\d{2}$/.test(yearText) ? 2000 + Number(yearText) : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  const currentYear = now.getUTCFullYear();
  if (!monthText) errors.expMonth = 'required';
  else if (!(month >= 1 && month <= 12)) errors.expMonth = 'month_invalid';
  if (!yearText) errors.expYear = 'required';
  else if (!(year >= 2000 && year <= currentYear + 20)) errors.expYear = 'year_invalid';
  // A card is valid through the last day of its expiry month.
  if (!errors.expMonth && !errors.expYear && (year < currentYear || (year === currentYear && month < now.getUTCMonth() + 1))) {
    errors.expMonth = 'expired';
  }

  const cvc = input.cvc.trim();
  if (!cvc) errors.cvc = 'required';
  else if (!/^\d{3}$/.test(cvc)) errors.cvc = 'cvc_invalid';

  if (Object.keys(errors).length > 0 || !card) return { ok: false, errors };
  return { ok: true, card: { last4: digits.slice(-4), scenario: card.scenario } };
};
