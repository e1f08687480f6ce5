import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { PaymentErrorType } from '@voltpay/workflows/payment';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, isUnavailable, toApiError, toErrorBody, validationError } from './errors';

const rejected = (type: string, ...details: unknown[]) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message: `${type} (English, for logs)`, details, nonRetryable: true }),
  );

const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'grpc details', metadata: {} });

describe('toApiError: the workflow’s rejections', () => {
  it('WRONG_STATE → 409 with the status, worded for the resident', () => {
    const error = toApiError(rejected(PaymentErrorType.WRONG_STATE, 'CANCELLED'));
    expect(error).toMatchObject({ code: 'WRONG_STATE', status: 409, params: { status: 'CANCELLED' } });
    expect(toErrorBody({ error, locale: 'ru' }).message).toBe('Действие недоступно: платёж отменён.');
    expect(toErrorBody({ error, locale: 'en' }).message).toBe('This action is not available: the payment was cancelled.');
  });

  it('QUOTE_REFUSED → 422 with the quote’s own code and params', () => {
    const error = toApiError(rejected(PaymentErrorType.QUOTE_REFUSED, { code: 'READING_WENT_BACKWARDS', params: { zone: 'DAY', start: 500, end: 400 } }));
    expect(error).toMatchObject({ code: 'READING_WENT_BACKWARDS', status: 422, params: { zone: 'DAY', start: 500, end: 400 } });
    expect(toErrorBody({ error, locale: 'ru' })).toEqual({
      code: 'READING_WENT_BACKWARDS',
      message: 'Показание на конец периода меньше начального (дневная зона).',
      params: { zone: 'DAY', start: 500, end: 400 },
    });
  });

  it('TOTAL_OVER_CEILING names the ceiling in roubles', () => {
    const error = toApiError(
      rejected(PaymentErrorType.QUOTE_REFUSED, { code: 'TOTAL_OVER_CEILING', params: { ceilingKopecks: 15_000_000, totalKopecks: 15_000_001 } }),
    );
    expect(toErrorBody({ error, locale: 'ru' }).message).toBe('Сумма платежа превышает допустимую (150\u202F000,00\u00A0₽).');
    expect(toErrorBody({ error, locale: 'en' }).message).toBe('The total is over the limit of ₽150,000.00.');
  });

  it('a QUOTE_REFUSED without a recognisable QuoteError is still a 422, not a 500', () => {
    expect(toApiError(rejected(PaymentErrorType.QUOTE_REFUSED, { code: 'SOMETHING_NEW' }))).toMatchObject({ code: 'INVALID_INPUT', status: 422 });
  });

  it('ACCOUNT_NOT_FOUND → 404, one message whatever was missing', () => {
    const office = toErrorBody({ error: toApiError(rejected(PaymentErrorType.ACCOUNT_NOT_FOUND, 'HOUSING_OFFICE_NOT_FOUND')), locale: 'ru' });
    const account = toErrorBody({ error: toApiError(rejected(PaymentErrorType.ACCOUNT_NOT_FOUND, 'ACCOUNT_NOT_FOUND')), locale: 'ru' });
    expect(office).toEqual(account);
    expect(office.code).toBe('ACCOUNT_NOT_FOUND');
    expect(JSON.stringify(office)).not.toMatch(/HOUSING_OFFICE|DISTRICT|SETTLEMENT/);
  });

  it.each([
    [PaymentErrorType.STEP_MISSING, 'STEP_MISSING', 409],
    [PaymentErrorType.INVALID_INPUT, 'INVALID_INPUT', 422],
    [PaymentErrorType.ACQUIRER_UNAVAILABLE, 'ACQUIRER_UNAVAILABLE', 503],
    [PaymentErrorType.TOO_LATE_TO_CANCEL, 'TOO_LATE_TO_CANCEL', 409],
    [PaymentErrorType.TEMPORARILY_UNAVAILABLE, 'TEMPORARILY_UNAVAILABLE', 503],
    ['SOMETHING_ELSE', 'INTERNAL_ERROR', 500],
  ])('%s → %s %i', (type, code, status) => {
    expect(toApiError(rejected(type))).toMatchObject({ code, status });
  });

  it('INVALID_INPUT says which rule the input broke', () => {
    const error = toApiError(rejected(PaymentErrorType.INVALID_INPUT, { field: 'accountNumber', code: 'ACCOUNT_NUMBER_REGION_LENGTH' }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', status: 422, params: { field: 'accountNumber', reason: 'ACCOUNT_NUMBER_REGION_LENGTH' } });
    expect(toErrorBody({ error, locale: 'ru' }).message).toBe('В районах области номер лицевого счёта — 6 цифр.');
    expect(toErrorBody({ error: toApiError(rejected(PaymentErrorType.INVALID_INPUT)), locale: 'en' }).message).toBe('Please check the data you entered.');
    // A rule of the shared update schemas, refused by the workflow itself: the words the route would give it.
    const email = toApiError(rejected(PaymentErrorType.INVALID_INPUT, { field: 'email', code: 'EMAIL_INVALID' }));
    expect(toErrorBody({ error: email, locale: 'ru' }).message).toBe('Проверьте адрес электронной почты, например name@example.ru.');
    expect(toErrorBody({ error: toApiError(rejected(PaymentErrorType.INVALID_INPUT, { code: 'NOT_A_RULE' })), locale: 'ru' }).message).toBe(
      'Проверьте введённые данные.',
    );
  });

  it('STEP_MISSING says which step when the workflow names it', () => {
    const error = toApiError(rejected(PaymentErrorType.STEP_MISSING, 'period'));
    expect(toErrorBody({ error, locale: 'ru' }).message).toBe('Сначала выберите расчётный период.');
  });
});

describe('toApiError: Temporal and the rest', () => {
  it('an unknown workflow is PAYMENT_NOT_FOUND', () => {
    expect(toApiError(new WorkflowNotFoundError('not found', 'payment-x', undefined))).toMatchObject({ code: 'PAYMENT_NOT_FOUND', status: 404 });
  });

  it.each([
    ['gRPC UNAVAILABLE', grpcError(14)],
    ['gRPC DEADLINE_EXCEEDED', grpcError(4)],
    ['an update RPC timeout', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout')],
    ['a refused connection deep in the causes', new Error('outer', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })],
  ])('%s is SERVICE_UNAVAILABLE with Retry-After', (_, thrown) => {
    expect(isUnavailable(thrown)).toBe(true);
    expect(toApiError(thrown)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, headers: { 'retry-after': '10' } });
  });

  it('gRPC INVALID_ARGUMENT and plain bugs are INTERNAL_ERROR', () => {
    expect(toApiError(grpcError(3))).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(toApiError(new TypeError('x is undefined'))).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
    expect(toApiError('a string')).toMatchObject({ code: 'INTERNAL_ERROR', status: 500 });
  });

  it('passes an ApiError through untouched', () => {
    const error = new ApiError({ code: 'TOO_MANY_REQUESTS', status: 429, params: { retryAfterSeconds: 6 } });
    expect(toApiError(error)).toBe(error);
    expect(toErrorBody({ error, locale: 'ru' }).message).toBe('Слишком много попыток. Повторите через 6 с.');
  });
});

describe('validationError', () => {
  it('keeps every issue with its path, replaces field keys with words, and leads with the first', () => {
    const schema = z.object({ email: z.email({ error: 'EMAIL_INVALID' }), n: z.number() });
    const result = schema.safeParse({ email: 'nope', n: 'x' }, { error: z.locales.en().localeError });
    if (result.success) throw new Error('expected a failure');
    const body = toErrorBody({ error: validationError({ error: result.error }), locale: 'ru' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Проверьте введённые данные: Проверьте адрес электронной почты, например name@example.ru.');
    expect(body.issues).toEqual([
      { path: ['email'], code: 'EMAIL_INVALID', message: 'Проверьте адрес электронной почты, например name@example.ru.' },
      { path: ['n'], code: 'invalid_type', message: expect.stringContaining('number') },
    ]);
  });

  it('prefixes query and path parameters', () => {
    const result = z.object({ code: z.string() }).safeParse({});
    if (result.success) throw new Error('expected a failure');
    expect(validationError({ error: result.error, where: 'query' }).issues?.[0]?.path).toEqual(['query', 'code']);
  });
});
