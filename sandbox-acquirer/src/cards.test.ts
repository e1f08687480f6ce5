import { describe, expect, it } from 'vitest';
import { passesLuhn, TEST_CARDS, validateCardForm, type CardFormInput } from './cards';

const now = new Date('2026-11-15T12:00:00Z');
const valid: CardFormInput = { holder: 'ivan petrov', number: '4111 1111 1111 1111', expMonth: '11', expYear: '26', cvc: '123' };

describe('Luhn check', () => {
  it('passes known-good numbers and fails a one-digit typo or a swap', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398731')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111-1111')).toBe(false);
  });

  it('every test card passes it, and no number is listed twice', () => {
    for (const card of TEST_CARDS) expect(passesLuhn(card.number), card.number).toBe(true);
    expect(new Set(TEST_CARDS.map((c) => c.number)).size).toBe(TEST_CARDS.length);
  });

  it('there is a test card for every scenario the README promises', () => {
    expect(new Set(TEST_CARDS.map((c) => c.scenario))).toEqual(new Set(['frictionless', 'otp', 'declined', 'insufficient_funds', 'no_answer', 'outage']));
  });
});

describe('card form', () => {
  it('accepts a test card and keeps only the last four digits and the scenario', () => {
    const result = validateCardForm(valid, now);
    expect(result).toEqual({ ok: true, card: { last4: '1111', scenario: 'frictionless' } });
    expect(JSON.stringify(result)).not.toContain('4111111111111111');
    expect(JSON.stringify(result)).not.toContain('123');
  });

  it.each([
    ['4000 0000 0000 3220', 'otp'],
    ['4000-0000-0000-0002', 'declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4000 0000 0000 3063', 'no_answer'],
    ['4000 0000 0000 0119', 'outage'],
    ['5555 5555 5555 4444', 'frictionless'],
  ])('%s is the %s card', (number, scenario) => {
    const result = validateCardForm({ ...valid, number }, now);
    expect(result.ok && result.card.scenario).toBe(scenario);
  });

  it('refuses a number that fails Luhn, a too-short one, and a valid number that is not a test card', () => {
    expect(validateCardForm({ ...valid, number: '4111 1111 1111 1112' }, now)).toEqual({ ok: false, errors: { number: 'number_luhn' } });
    expect(validateCardForm({ ...valid, number: '4111 1111' }, now)).toEqual({ ok: false, errors: { number: 'number_invalid' } });
    expect(validateCardForm({ ...valid, number: '4242 4242 4242 4242' }, now)).toEqual({ ok: false, errors: { number: 'number_not_test_card' } });
  });

  it('a card is valid through its expiry month and refused from the month after', () => {
    expect(validateCardForm({ ...valid, expMonth: '11', expYear: '2026' }, now).ok).toBe(true);
    expect(validateCardForm({ ...valid, expMonth: '10', expYear: '26' }, now)).toEqual({ ok: false, errors: { expMonth: 'expired' } });
    expect(validateCardForm({ ...valid, expMonth: '12', expYear: '25' }, now)).toEqual({ ok: false, errors: { expMonth: 'expired' } });
    expect(validateCardForm({ ...valid, expMonth: '1', expYear: '27' }, now).ok).toBe(true);
  });

  it('refuses impossible months and years', () => {
    expect(validateCardForm({ ...valid, expMonth: '13' }, now)).toEqual({ ok: false, errors: { expMonth: 'month_invalid' } });
    expect(validateCardForm({ ...valid, expMonth: '0' }, now)).toEqual({ ok: false, errors: { expMonth: 'month_invalid' } });
    expect(validateCardForm({ ...valid, expYear: '2' }, now)).toEqual({ ok: false, errors: { expYear: 'year_invalid' } });
    expect(validateCardForm({ ...valid, expYear: '2099' }, now)).toEqual({ ok: false, errors: { expYear: 'year_invalid' } });
  });

  it('CVV2 is exactly three digits', () => {
    for (const cvc of ['12', '1234', '12a']) expect(validateCardForm({ ...valid, cvc }, now)).toEqual({ ok: false, errors: { cvc: 'cvc_invalid' } });
  });

  it('the holder is Latin letters, 2 to 26 characters', () => {
    expect(validateCardForm({ ...valid, holder: 'Иван Петров' }, now)).toEqual({ ok: false, errors: { holder: 'holder_invalid' } });
    expect(validateCardForm({ ...valid, holder: 'A' }, now)).toEqual({ ok: false, errors: { holder: 'holder_invalid' } });
    expect(validateCardForm({ ...valid, holder: "  anne-marie   o'neil  " }, now).ok).toBe(true);
  });

  it('an empty form names every field as required', () => {
    expect(validateCardForm({ holder: '', number: '', expMonth: '', expYear: '', cvc: '' }, now)).toEqual({
      ok: false,
      errors: { holder: 'required', number: 'required', expMonth: 'required', expYear: 'required', cvc: 'required' },
    });
  });
});
