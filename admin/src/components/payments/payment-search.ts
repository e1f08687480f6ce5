// What the payments page asks for, read from its URL: the form's values as typed, whether anything
// was asked, the procedure's input and the field errors of the same check the procedure makes.
// Pure, so a test can hold it to the one rule that broke it: the procedure gets its *input* (the
// amount as typed, `1 199,38`), never the schema's output (kopecks), which it would parse again.
import { z } from 'zod';
import { ZFindPaymentsRequest, type TFindPaymentsRequest } from '~/server/api/routers/payments/find-payments.types';
import type { PaymentSearchValues } from './payment-search-form';
import { intParam, listParam, param, type SearchParams } from './search-params';

const FILTERS = ['receiptNumber', 'accountNumber', 'email', 'cardLast4', 'amount', 'createdFrom', 'createdTo'] as const;

export type PaymentSearch = {
  values: PaymentSearchValues;
  /** At least one condition or a sort was given: an empty form lists nothing. */
  searched: boolean;
  /** The procedure's input as the URL gave it; null when the check below failed. */
  request: TFindPaymentsRequest | null;
  /** The sort the table shows (the schema's default when the URL has none). */
  sort: z.output<typeof ZFindPaymentsRequest>['sort'];
  direction: z.output<typeof ZFindPaymentsRequest>['direction'];
  errors: Partial<Record<keyof PaymentSearchValues, string>>;
};

export const readPaymentSearch = (params: SearchParams): PaymentSearch => {
  const values: PaymentSearchValues = { ...Object.fromEntries(FILTERS.map((name) => [name, param(params, name)])), statuses: listParam(params, 'statuses') };
  const searched = FILTERS.some((name) => values[name] !== undefined) || (values.statuses?.length ?? 0) > 0 || param(params, 'sort') !== undefined;
  const request: TFindPaymentsRequest = {
    ...values,
    statuses: values.statuses?.length ? (values.statuses as TFindPaymentsRequest['statuses']) : undefined,
    sort: param(params, 'sort') as TFindPaymentsRequest['sort'],
    direction: param(params, 'direction') as TFindPaymentsRequest['direction'],
    page: intParam(params, 'page'),
    pageSize: intParam(params, 'pageSize'),
  };
  const checked = ZFindPaymentsRequest.safeParse(request);
  if (!checked.success) {
    const errors = Object.fromEntries(
      Object.entries(z.flattenError(checked.error).fieldErrors).map(([field, messages]) => [field, (messages as string[] | undefined)?.[0]]),
    );
    return { values, searched, request: null, sort: 'createdAt', direction: 'desc', errors };
  }
  return { values, searched, request, sort: checked.data.sort, direction: checked.data.direction, errors: {} };
};
