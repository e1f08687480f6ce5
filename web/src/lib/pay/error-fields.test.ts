import { describe, expect, it } from 'vitest';
import { fieldOfApiError } from './error-fields';

describe('which field an API error belongs to', () => {
  it('validation issues by their path; a reading index becomes the form’s zone', () => {
    expect(fieldOfApiError({ error: { code: 'VALIDATION_FAILED', message: '', issues: [{ path: ['accountNumber'], code: 'x', message: '' }] } })).toBe(
      'accountNumber',
    );
    expect(
      fieldOfApiError({
        error: { code: 'VALIDATION_FAILED', message: '', issues: [{ path: ['readings', 1, 'end'], code: 'x', message: '' }] },
        zones: ['DAY', 'NIGHT'],
      }),
    ).toBe('readings.NIGHT.end');
    expect(fieldOfApiError({ error: { code: 'VALIDATION_FAILED', message: '', issues: [{ path: ['query', 'lang'], code: 'x', message: '' }] } })).toBeNull();
  });

  it('an unknown account and too many look-ups sit at the account number', () => {
    expect(fieldOfApiError({ error: { code: 'ACCOUNT_NOT_FOUND', message: '' } })).toBe('accountNumber');
    expect(fieldOfApiError({ error: { code: 'TOO_MANY_REQUESTS', message: '', params: { retryAfterSeconds: 6 } } })).toBe('accountNumber');
    expect(fieldOfApiError({ error: { code: 'INVALID_INPUT', message: '', params: { field: 'period' } } })).toBe('period');
  });

  it('the quote’s refusals: the zone’s field, the amount, or the total', () => {
    expect(fieldOfApiError({ error: { code: 'READING_WENT_BACKWARDS', message: '', params: { zone: 'DAY' } } })).toBe('readings.DAY.end');
    expect(fieldOfApiError({ error: { code: 'READING_OVER_CAPACITY', message: '', params: { zone: 'SINGLE', field: 'start' } } })).toBe(
      'readings.SINGLE.start',
    );
    expect(fieldOfApiError({ error: { code: 'AMOUNT_INVALID', message: '' } })).toBe('amount');
    expect(fieldOfApiError({ error: { code: 'TOTAL_OVER_CEILING', message: '' } })).toBe('total');
    expect(fieldOfApiError({ error: { code: 'WRONG_STATE', message: '' } })).toBeNull();
  });
});
