// What a payment's status is called, once. Two readers, two vocabularies, each written here only:
// residents (the site's "My payments", the receipt pages; Russian and English) are told what it
// means for their money; staff (the console, Russian) are told where the payment is in our process.
// The receipt PDF and the emails print no status: they prove the payment as issued.
import type { PaymentStatus } from './status';
import type { Locale } from './types';

export const PAYMENT_STATUS_LABELS: Record<Locale, Record<PaymentStatus, string>> = {
  ru: {
    DRAFT: 'Не оформлен',
    AWAITING_CARD: 'Ожидает оплаты картой',
    PROCESSING: 'Банк проверяет платёж',
    UNCONFIRMED: 'Уточняем результат у банка',
    POSTING: 'Оплачен, зачисляется на счёт',
    NEEDS_ATTENTION: 'Оплачен, зачисление проверяет специалист',
    COMPLETED: 'Оплачен',
    CANCELLED: 'Отменён',
    EXPIRED: 'Не завершён (истекло время)',
    DECLINED: 'Отклонён банком',
    REFUNDED: 'Деньги возвращены',
  },
  en: {
    DRAFT: 'Not placed',
    AWAITING_CARD: 'Waiting for card payment',
    PROCESSING: 'The bank is checking the payment',
    UNCONFIRMED: 'Confirming the result with the bank',
    POSTING: 'Paid, being credited to the account',
    NEEDS_ATTENTION: 'Paid, crediting is being checked by staff',
    COMPLETED: 'Paid',
    CANCELLED: 'Cancelled',
    EXPIRED: 'Not completed (time ran out)',
    DECLINED: 'Declined by the bank',
    REFUNDED: 'Money refunded',
  },
};

/** The console's words (lower case: they also stand inside sentences, «Платёж сейчас „зачислен“»). */
export const STAFF_PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  DRAFT: 'черновик',
  AWAITING_CARD: 'ждёт оплаты картой',
  PROCESSING: 'банк проверяет',
  UNCONFIRMED: 'не подтверждён банком',
  POSTING: 'проводится',
  NEEDS_ATTENTION: 'требует вмешательства',
  COMPLETED: 'зачислен',
  CANCELLED: 'отменён',
  EXPIRED: 'истёк',
  DECLINED: 'отклонён банком',
  REFUNDED: 'возвращён',
};

/** A resident's label for a status, in their language. */
export const paymentStatusLabel = (status: PaymentStatus, locale: Locale): string => PAYMENT_STATUS_LABELS[locale][status];
