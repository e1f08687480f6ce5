// The API's words for residents, Russian first: one message per error code and per field rule,
// built from the error's params (amounts through formatRoubles, so they read `150 000,00 ₽`).
import { formatRoubles } from '@voltpay/domain/money';
import type { Locale, MeterZone, PaymentStatus, QuoteErrorCode } from '@voltpay/domain';

export type MessageParams = Readonly<Record<string, unknown>>;
type Translation = { ru: (params: MessageParams) => string; en: (params: MessageParams) => string };
const fixed = (ru: string, en: string): Translation => ({ ru: () => ru, en: () => en });

export type QuoteRefusalCode = QuoteErrorCode;

/** Every `code` the API answers with, besides the quote's own refusals (same codes as domain.ts). */
export type ApiErrorCode =
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'VALIDATION_FAILED'
  | 'ROUTE_NOT_FOUND'
  | 'TERMS_VERSION_OUTDATED'
  | 'TEST_SETTINGS_FORBIDDEN'
  | 'PAYMENT_NOT_FOUND'
  | 'WRONG_STATE'
  | 'STEP_MISSING'
  | 'INVALID_INPUT'
  | 'ACCOUNT_NOT_FOUND'
  | 'ACQUIRER_UNAVAILABLE'
  | 'TOO_LATE_TO_CANCEL'
  | 'TEMPORARILY_UNAVAILABLE'
  | 'OPERATOR_ACTION_FAILED'
  | 'DISTRICT_NOT_FOUND'
  | 'RECEIPT_NOT_FOUND'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_INVALID'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR'
  | QuoteRefusalCode;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const kopecks = (value: unknown, locale: Locale): string | undefined => {
  const n = num(value);
  return n !== undefined && Number.isSafeInteger(n) ? formatRoubles(n, locale) : undefined;
};
const zoneName = (zone: unknown, locale: Locale): string | undefined => {
  const names: Record<MeterZone, { ru: string; en: string }> = {
    SINGLE: { ru: 'однотарифный счётчик', en: 'single-rate meter' },
    DAY: { ru: 'дневная зона', en: 'day zone' },
    NIGHT: { ru: 'ночная зона', en: 'night zone' },
  };
  return typeof zone === 'string' && zone in names ? names[zone as MeterZone][locale] : undefined;
};
/** ` (дневная зона)` when the params name a zone, else nothing. */
const zoneSuffix = (params: MessageParams, locale: Locale) => {
  const zone = zoneName(params.zone, locale);
  return zone ? ` (${zone})` : '';
};

/** How a resident would say where their payment is; completes «Действие недоступно: …». */
export const STATUS_PHRASES: Record<PaymentStatus, { ru: string; en: string }> = {
  DRAFT: { ru: 'платёж ещё не подтверждён', en: 'the payment has not been confirmed yet' },
  AWAITING_CARD: { ru: 'платёж ожидает оплаты картой на странице банка', en: 'the payment is waiting for the card on the bank’s page' },
  PROCESSING: { ru: 'банк уже обрабатывает оплату', en: 'the bank is already processing the payment' },
  UNCONFIRMED: { ru: 'платёж ожидает подтверждения банка', en: 'the payment is waiting for the bank’s confirmation' },
  POSTING: { ru: 'платёж уже оплачен и проводится', en: 'the payment is paid and being posted' },
  NEEDS_ATTENTION: { ru: 'платёж проверяет оператор', en: 'an operator is checking the payment' },
  COMPLETED: { ru: 'платёж уже оплачен', en: 'the payment is already paid' },
  CANCELLED: { ru: 'платёж отменён', en: 'the payment was cancelled' },
  EXPIRED: { ru: 'время на оформление платежа истекло', en: 'the time to complete the payment ran out' },
  DECLINED: { ru: 'банк отклонил оплату', en: 'the bank declined the payment' },
  REFUNDED: { ru: 'деньги по платежу возвращены', en: 'the payment was refunded' },
};

const statusPhrase = (status: unknown, locale: Locale) =>
  typeof status === 'string' && status in STATUS_PHRASES ? STATUS_PHRASES[status as PaymentStatus][locale] : undefined;

const STEP_NAMES: Record<string, { ru: string; en: string }> = {
  account: { ru: 'укажите лицевой счёт', en: 'enter the account' },
  period: { ru: 'выберите расчётный период', en: 'choose the billing period' },
  electricity: { ru: 'введите показания счётчика или сумму', en: 'enter the meter readings or an amount' },
  quote: { ru: 'введите показания счётчика или сумму', en: 'enter the meter readings or an amount' },
};

/** Why the workflow refused an input it checked itself (INVALID_INPUT's `details[0].code`). */
const INPUT_REASONS: Record<string, { ru: string; en: string }> = {
  ACCOUNT_NUMBER_EMPTY: { ru: 'Введите номер лицевого счёта.', en: 'Enter the account number.' },
  ACCOUNT_NUMBER_NOT_DIGITS: { ru: 'Номер лицевого счёта — только цифры.', en: 'The account number is digits only.' },
  ACCOUNT_NUMBER_CITY_LENGTH: {
    ru: 'В городе номер лицевого счёта — 4 цифры индекса ЖЭО и номер счёта, всего от 5 до 12 цифр.',
    en: 'A city account number is the 4-digit housing office index and the account: 5 to 12 digits in all.',
  },
  ACCOUNT_NUMBER_REGION_LENGTH: { ru: 'В районах области номер лицевого счёта — 6 цифр.', en: 'A region account number has 6 digits.' },
  PERIOD_INVALID: { ru: 'Выберите расчётный период (месяц и год).', en: 'Choose the billing period (month and year).' },
  PERIOD_IN_FUTURE: { ru: 'Этот период ещё не наступил.', en: 'This period has not begun yet.' },
  PERIOD_TOO_OLD: { ru: 'Этот период слишком давний для оплаты онлайн.', en: 'This period is too long ago to pay online.' },
};

/**
 * The workflow's own reasons, else the field rule it refused by: its validators parse with the
 * same schemas as the routes (@voltpay/domain/inputs), so their issue keys are FIELD_MESSAGES'.
 */
const inputReason = (reason: unknown): Translation | undefined => {
  if (typeof reason !== 'string') return undefined;
  const own = INPUT_REASONS[reason];
  if (own) return fixed(own.ru, own.en);
  return isFieldMessageKey(reason) ? FIELD_MESSAGES[reason] : undefined;
};

export const ERROR_MESSAGES: Record<ApiErrorCode, Translation> = {
  INVALID_JSON: fixed('Тело запроса — не корректный JSON.', 'The request body is not valid JSON.'),
  UNSUPPORTED_MEDIA_TYPE: fixed('Отправьте данные в формате JSON (Content-Type: application/json).', 'Send the data as JSON (Content-Type: application/json).'),
  PAYLOAD_TOO_LARGE: fixed('Запрос слишком большой.', 'The request is too large.'),
  VALIDATION_FAILED: {
    ru: (p) => (typeof p.first === 'string' ? `Проверьте введённые данные: ${p.first}` : 'Проверьте введённые данные.'),
    en: (p) => (typeof p.first === 'string' ? `Please check the data: ${p.first}` : 'Please check the data.'),
  },
  ROUTE_NOT_FOUND: fixed('Такого адреса в API нет.', 'There is no such API address.'),
  TERMS_VERSION_OUTDATED: {
    ru: (p) => `Условия оплаты обновились${typeof p.current === 'string' ? ` (редакция ${p.current})` : ''}. Откройте их снова и примите действующую редакцию.`,
    en: (p) =>
      `The terms of payment have changed${typeof p.current === 'string' ? ` (version ${p.current})` : ''}. Open them again and accept the current version.`,
  },
  TEST_SETTINGS_FORBIDDEN: fixed('Параметр settings доступен только в тестовом окружении.', 'The settings field is only accepted in a test environment.'),
  PAYMENT_NOT_FOUND: fixed('Платёж не найден. Начните оплату заново.', 'Payment not found. Please start the payment again.'),
  WRONG_STATE: {
    ru: (p) => `Действие недоступно: ${statusPhrase(p.status, 'ru') ?? 'платёж в другом состоянии'}.`,
    en: (p) => `This action is not available: ${statusPhrase(p.status, 'en') ?? 'the payment is in another state'}.`,
  },
  STEP_MISSING: {
    ru: (p) => `Сначала ${typeof p.step === 'string' && STEP_NAMES[p.step] ? STEP_NAMES[p.step]!.ru : 'заполните предыдущие шаги'}.`,
    en: (p) => `First ${typeof p.step === 'string' && STEP_NAMES[p.step] ? STEP_NAMES[p.step]!.en : 'complete the previous steps'}.`,
  },
  INVALID_INPUT: {
    ru: (p) => inputReason(p.reason)?.ru({}) ?? 'Проверьте введённые данные.',
    en: (p) => inputReason(p.reason)?.en({}) ?? 'Please check the data you entered.',
  },
  // Deliberately the same words whether the district, settlement, housing office or account is
  // unknown: typing random numbers must not tell anyone which of them exist (DESIGN §2.4).
  ACCOUNT_NOT_FOUND: fixed(
    'Лицевой счёт не найден. Проверьте район, населённый пункт и номер счёта по квитанции.',
    'Account not found. Check the district, settlement and account number on your bill.',
  ),
  ACQUIRER_UNAVAILABLE: fixed(
    'Банк сейчас не отвечает. Деньги не списаны; попробуйте ещё раз через минуту.',
    'The bank is not responding. No money was taken; please try again in a minute.',
  ),
  TOO_LATE_TO_CANCEL: fixed(
    'Отменить платёж уже нельзя: банк проводит оплату. Дождитесь результата.',
    'The payment can no longer be cancelled: the bank is processing it. Please wait for the result.',
  ),
  TEMPORARILY_UNAVAILABLE: fixed(
    'Сервис временно недоступен, ничего не изменилось. Попробуйте ещё раз.',
    'The service is temporarily unavailable; nothing changed. Please try again.',
  ),
  OPERATOR_ACTION_FAILED: fixed('Действие не выполнено.', 'The action failed.'),
  DISTRICT_NOT_FOUND: fixed('Район не найден.', 'District not found.'),
  // Also for a wrong code: a receipt that exists and one that does not must look the same.
  RECEIPT_NOT_FOUND: fixed('Квитанция не найдена. Проверьте номер и код проверки.', 'Receipt not found. Check the number and the verification code.'),
  WEBHOOK_SIGNATURE_INVALID: fixed('Подпись уведомления неверна.', 'The notification signature is invalid.'),
  WEBHOOK_INVALID: fixed('Уведомление не распознано.', 'The notification could not be read.'),
  TOO_MANY_REQUESTS: {
    ru: (p) => `Слишком много попыток. Повторите${num(p.retryAfterSeconds) ? ` через ${num(p.retryAfterSeconds)} с` : ' позже'}.`,
    en: (p) => `Too many attempts. Try again${num(p.retryAfterSeconds) ? ` in ${num(p.retryAfterSeconds)} s` : ' later'}.`,
  },
  SERVICE_UNAVAILABLE: fixed(
    'Сервис временно недоступен. Попробуйте ещё раз через минуту.',
    'The service is temporarily unavailable. Please try again in a minute.',
  ),
  INTERNAL_ERROR: fixed('Что-то пошло не так. Попробуйте ещё раз.', 'Something went wrong. Please try again.'),

  // The quote's refusals (domain.ts QuoteErrorCode), worded from its params when they are there.
  NO_TARIFF: fixed(
    'Для этого периода нет действующего тарифа. Введите сумму вручную.',
    'There is no tariff in force for this period. Enter the amount instead.',
  ),
  READINGS_ZONES_MISMATCH: fixed(
    'Показания не совпадают с типом счётчика: для двухтарифного нужны день и ночь, для однотарифного — одно показание.',
    'The readings do not match the meter: a two-zone meter needs day and night, a single-rate meter one reading.',
  ),
  READING_INVALID: {
    ru: (p) => `Показание должно быть целым неотрицательным числом${zoneSuffix(p, 'ru')}.`,
    en: (p) => `A reading must be a whole non-negative number${zoneSuffix(p, 'en')}.`,
  },
  READING_OVER_CAPACITY: {
    ru: (p) => `Показание больше, чем может показать счётчик${num(p.capacity) !== undefined ? ` (не более ${num(p.capacity)})` : ''}${zoneSuffix(p, 'ru')}.`,
    en: (p) => `The reading is more than the meter can show${num(p.capacity) !== undefined ? ` (at most ${num(p.capacity)})` : ''}${zoneSuffix(p, 'en')}.`,
  },
  READING_WENT_BACKWARDS: {
    ru: (p) => `Показание на конец периода меньше начального${zoneSuffix(p, 'ru')}.`,
    en: (p) => `The end reading is less than the start reading${zoneSuffix(p, 'en')}.`,
  },
  READING_START_MISMATCH: {
    ru: (p) =>
      `Начальные показания — последние оплаченные${num(p.start) !== undefined ? `: ${num(p.start)}` : ''}${zoneSuffix(p, 'ru')}. Другие начальные показания принять нельзя.`,
    en: (p) =>
      `The start reading is the last one paid${num(p.start) !== undefined ? `: ${num(p.start)}` : ''}${zoneSuffix(p, 'en')}. No other start reading can be accepted.`,
  },
  READINGS_CHANGED: {
    ru: (p) =>
      `По этому счётчику только что оплачены другие показания. Начальные показания теперь${num(p.start) !== undefined ? ` ${num(p.start)}` : ' другие'}${zoneSuffix(p, 'ru')}: введите конечные показания ещё раз.`,
    en: (p) =>
      `Other readings of this meter were just paid. The start reading is now${num(p.start) !== undefined ? ` ${num(p.start)}` : ' different'}${zoneSuffix(p, 'en')}: please enter the end reading again.`,
  },
  CONSUMPTION_TOO_HIGH: {
    ru: (p) =>
      `Слишком большой расход${num(p.kwh) !== undefined ? `: ${num(p.kwh)} кВт·ч` : ''}${num(p.maxKwh) !== undefined ? ` (не более ${num(p.maxKwh)} за период)` : ''}${zoneSuffix(p, 'ru')}. Проверьте показания.`,
    en: (p) =>
      `The consumption is too high${num(p.kwh) !== undefined ? `: ${num(p.kwh)} kWh` : ''}${num(p.maxKwh) !== undefined ? ` (at most ${num(p.maxKwh)} per period)` : ''}${zoneSuffix(p, 'en')}. Please check the readings.`,
  },
  AMOUNT_INVALID: fixed('Сумма должна быть больше нуля, в рублях и копейках.', 'The amount must be more than zero, in roubles and kopecks.'),
  TOTAL_NOT_POSITIVE: fixed('Сумма к оплате должна быть больше нуля.', 'The total to pay must be more than zero.'),
  TOTAL_OVER_CEILING: {
    ru: (p) => {
      const ceiling = kopecks(p.ceilingKopecks, 'ru');
      return ceiling ? `Сумма платежа превышает допустимую (${ceiling}).` : 'Сумма платежа превышает допустимую.';
    },
    en: (p) => {
      const ceiling = kopecks(p.ceilingKopecks, 'en');
      return ceiling ? `The total is over the limit of ${ceiling}.` : 'The total is over the allowed limit.';
    },
  },
};

export const errorMessage = ({ code, params = {}, locale }: { code: ApiErrorCode; params?: MessageParams; locale: Locale }): string =>
  ERROR_MESSAGES[code][locale](params);

/**
 * Field rules of the request schemas: a schema raises one of these keys as its issue message and
 * the error formatter swaps it for the words below. Issues without a key keep zod's own wording
 * in the request's language.
 */
export const FIELD_MESSAGES = {
  TERMS_NOT_ACCEPTED: fixed('Чтобы продолжить, примите условия оплаты.', 'Accept the terms of payment to continue.'),
  TERMS_VERSION_REQUIRED: fixed('Укажите редакцию принятых условий.', 'Give the version of the accepted terms.'),
  DISTRICT_CODE_INVALID: fixed('Выберите район из списка.', 'Choose a district from the list.'),
  SETTLEMENT_ID_INVALID: fixed('Выберите населённый пункт из списка.', 'Choose a settlement from the list.'),
  ACCOUNT_NUMBER_INVALID: fixed(
    'Номер лицевого счёта — только цифры, как на квитанции (в городе — 4 цифры ЖЭО и номер счёта).',
    'The account number is digits only, as on the bill (in the city: the 4-digit housing office index and the account).',
  ),
  PERIOD_INVALID: fixed('Выберите расчётный период (месяц и год).', 'Choose the billing period (month and year).'),
  METER_ZONE_INVALID: fixed('Неизвестная зона счётчика.', 'Unknown meter zone.'),
  READING_NOT_NUMBER: fixed('Показание — целое неотрицательное число.', 'A reading is a whole non-negative number.'),
  READINGS_REQUIRED: fixed('Введите показания счётчика.', 'Enter the meter readings.'),
  AMOUNT_NOT_NUMBER: fixed('Введите сумму в рублях, например 1 234,56.', 'Enter the amount in roubles, e.g. 1 234,56.'),
  AMOUNT_TOO_PRECISE: fixed('Не больше двух цифр после запятой, например 100,55.', 'At most two digits after the decimal point, e.g. 100.55.'),
  AMOUNT_ONE_OF: fixed('Укажите сумму одним способом: amountKopecks или amount.', 'Give the amount one way: amountKopecks or amount.'),
  ELECTRICITY_KIND_INVALID: fixed('Выберите: показания счётчика или сумма.', 'Choose: meter readings or an amount.'),
  EMAIL_INVALID: fixed('Проверьте адрес электронной почты, например name@example.ru.', 'Check the email address, e.g. name@example.com.'),
  RECEIPT_NUMBER_INVALID: fixed('Номер квитанции — в формате ГГГГММДД-NNNNNN.', 'A receipt number looks like YYYYMMDD-NNNNNN.'),
  RECEIPT_CODE_INVALID: fixed('Код проверки — 12 букв и цифр с квитанции.', 'The verification code is the 12 letters and digits on the receipt.'),
  RECEIPT_ACCESS_REQUIRED: fixed('Укажите код проверки с квитанции или номер платежа.', 'Give the verification code from the receipt or the payment id.'),
  PAYMENT_ID_INVALID: fixed('Номер платежа указан неверно.', 'The payment id is not valid.'),
} satisfies Record<string, Translation>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export const isFieldMessageKey = (value: string): value is FieldMessageKey => Object.hasOwn(FIELD_MESSAGES, value);
