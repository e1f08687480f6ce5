// How the sales desk pages print money, instants and the payment vocabulary in Russian. Pure (no
// server imports), so server and client components share it.
import { formatRoubles } from '@voltpay/domain/money';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { STAFF_PAYMENT_STATUS_LABELS } from '@voltpay/domain/status-labels';
import type { TPaymentStatus } from '~/server/api/routers/payments/shared.types';

/** `1 234,56 ₽`: the shared rule (integer kopecks in, never a float). */
export const roubles = (kopecks: number) => formatRoubles(kopecks, 'ru');

/** `05.01.2026 14:03:07` on the Omsk wall clock, whatever the server's zone: the console reads Russian. */
export const omskDateTime = (instant: Date | string, { seconds = false }: { seconds?: boolean } = {}) => formatOmskDateTime(instant, 'ru', { seconds });

/** The console's status words: one table for every surface (workflows/src/payment/status-labels.ts). */
export const paymentStatusLabels: Record<TPaymentStatus, string> = STAFF_PAYMENT_STATUS_LABELS;

// Filled badges with white text: shades dark enough for 4.5:1 contrast on small bold text (Mantine's
// darkest green, green.9, is only 4.4:1, hence the hex).
export const paymentStatusColors: Record<TPaymentStatus, string> = {
  DRAFT: 'gray.7',
  AWAITING_CARD: 'blue.9',
  PROCESSING: 'blue.9',
  UNCONFIRMED: 'grape.9',
  POSTING: 'blue.9',
  NEEDS_ATTENTION: 'red.9',
  COMPLETED: '#236b2e',
  CANCELLED: 'gray.7',
  EXPIRED: 'gray.7',
  DECLINED: 'red.9',
  REFUNDED: 'violet.9',
};

export const lineKindLabels: Record<'ELECTRICITY' | 'COMMON_AREA' | 'PENALTY' | 'DEBT', string> = {
  ELECTRICITY: 'Электроэнергия',
  COMMON_AREA: 'Электроэнергия МОП',
  PENALTY: 'Пени',
  DEBT: 'Задолженность',
};

export const acquirerStatusLabels: Record<string, string> = {
  CREATED: 'создан, карта не введена',
  AWAITING_OTP: 'ждёт одноразовый пароль',
  PROCESSING: 'авторизуется',
  APPROVED: 'одобрен',
  DECLINED: 'отклонён',
  VOIDED: 'аннулирован',
  REFUNDED: 'возвращён',
};

export const emailStatusLabels: Record<'STORED' | 'SENT' | 'FAILED', string> = {
  STORED: 'сохранено локально (outbox)',
  SENT: 'отправлено',
  FAILED: 'не отправлено',
};

export const ledgerAccountLabels: Record<string, string> = {
  acquirer_clearing: 'Расчёты с банком-эквайером',
  customer_receivable: 'Расчёты с абонентом',
};

export const claimStatusLabels: Record<'OPEN' | 'INVESTIGATING' | 'RESOLVED', string> = {
  OPEN: 'открыта',
  INVESTIGATING: 'на проверке',
  RESOLVED: 'решена',
};

export const claimStatusColors: Record<'OPEN' | 'INVESTIGATING' | 'RESOLVED', string> = {
  OPEN: 'red.9',
  INVESTIGATING: 'blue.9',
  RESOLVED: '#236b2e',
};

export const claimResolutionLabels: Record<'POSTED' | 'REFUNDED' | 'REJECTED', string> = {
  POSTED: 'платёж зачислен на лицевой счёт',
  REFUNDED: 'деньги возвращены на карту',
  REJECTED: 'отказано',
};

export const timelineKindLabels: Record<string, string> = {
  WORKFLOW: 'Процесс',
  UPDATE: 'Действие',
  SIGNAL: 'Сигнал',
  ACTIVITY: 'Операция',
  TIMER: 'Таймер',
  STATE: 'Статус',
};

export const timelineOutcomeLabels: Record<string, string> = {
  STARTED: 'начат',
  COMPLETED: 'выполнено',
  FAILED: 'ошибка',
  TIMED_OUT: 'время вышло',
  CANCELLED: 'отменено',
  TERMINATED: 'прерван',
  ACCEPTED: 'принято',
  REJECTED: 'отклонено',
  SCHEDULED: 'запланировано',
  FIRED: 'сработал',
  RECEIVED: 'получен',
  CHANGED: 'изменён',
};

const russianPlural = new Intl.PluralRules('ru-RU');

/** `1 строка`, `3 строки`, `25 строк`: CLDR's Russian plural rule, `forms` = [one, few, many]. */
export const countOf = (n: number, [one, few, many]: readonly [string, string, string]) => {
  const category = russianPlural.select(n);
  return `${n.toLocaleString('ru-RU')} ${category === 'one' ? one : category === 'few' ? few : many}`;
};

/** The link text of a list's CSV download: how many rows it holds, and that it is cut when it is. */
export const csvLinkText = (total: number, limit: number, forms: readonly [string, string, string]) =>
  total > limit ? `Скачать CSV: первые ${countOf(limit, forms)} из ${total.toLocaleString('ru-RU')}` : `Скачать CSV: ${countOf(total, forms)}`;
