import { describe, expect, it } from 'vitest';
import { ZFindPaymentsRequest } from '~/server/api/routers/payments/find-payments.types';
import { readPaymentSearch } from './payment-search';

describe('readPaymentSearch', () => {
  it('hands the procedure the amount as typed, which its input schema reads into kopecks', () => {
    // The placeholder's own format, with the card's last 4: the search a clerk makes from a receipt.
    const search = readPaymentSearch({ cardLast4: '4242', amount: '1 199,38' });
    expect(search.errors).toEqual({});
    expect(search.searched).toBe(true);
    expect(search.request).toMatchObject({ cardLast4: '4242', amount: '1 199,38' });
    // What the procedure does with it (tRPC parses its input once more): no BAD_REQUEST.
    const parsed = ZFindPaymentsRequest.safeParse(search.request);
    expect(parsed.success && parsed.data).toMatchObject({ cardLast4: '4242', amount: 119_938, sort: 'createdAt', direction: 'desc', page: 1 });
  });

  it('says what is wrong with an amount that is not one, and asks nothing', () => {
    const search = readPaymentSearch({ amount: '1,234' });
    expect(search.request).toBeNull();
    expect(search.errors.amount).toBe('Сумма в рублях, например 1 234,56.');
  });

  it('an empty form searches nothing; a sort alone lists everything', () => {
    expect(readPaymentSearch({}).searched).toBe(false);
    expect(readPaymentSearch({ sort: 'totalKopecks', direction: 'asc' })).toMatchObject({ searched: true, sort: 'totalKopecks', direction: 'asc' });
  });
});
