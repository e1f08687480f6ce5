// Russian words for the operator's outcomes and errors, shared by server messages and the pages.
// Pure: client components import it too.
import type { AttentionStage } from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import { STAFF_PAYMENT_STATUS_LABELS } from '@voltpay/domain/status-labels';

export const paymentStatusText = (status: PaymentStatus): string => STAFF_PAYMENT_STATUS_LABELS[status];

export const attentionStageText: Record<AttentionStage, string> = {
  POSTING: 'квитанция или проводка в учёте',
  DELIVERY: 'отправка квитанции',
};

/**
 * A failure as one readable line: errors from the database arrive as several lines (the call, a
 * code excerpt, then the database's own message), of which the last one says what happened.
 */
export const conciseError = (text: string): string => {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.at(-1) ?? text;
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
};

/** A recorded reason in the operator's words: what it means, what to do, and the raw text as a detail. */
export type ExplainedReason = { meaning: string; todo: string | null; raw: string };

const DECLINES: Readonly<Record<string, string>> = {
  do_not_honor: 'Банк держателя карты отказал в операции.',
  insufficient_funds: 'На карте не хватило денег.',
  otp_failed: 'Неверный одноразовый код 3-D Secure.',
  expired: 'Житель не ввёл данные карты вовремя.',
  declined: 'Банк отказал в операции (без причины).',
};

const RULES: readonly { test: RegExp; meaning: string; todo: (stage: AttentionStage | null, status: PaymentStatus | null) => string | null }[] = [
  {
    test: /acquirer answered 5\d\d|ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|ETIMEDOUT|timed? ?out|aborted due to timeout/i,
    meaning: 'Банк-эквайер не ответил или ответил ошибкой на своей стороне.',
    todo: (_stage, status) =>
      status === 'UNCONFIRMED'
        ? 'Система сама спросит банк ещё раз по расписанию; можно нажать «Перепроверить в банке». Деньги дважды не спишутся.'
        : 'Подождите, пока банк снова станет доступен, и повторите действие.',
  },
  {
    test: /acquirer answered 4\d\d/i,
    meaning: 'Банк-эквайер отклонил наш запрос.',
    todo: () => 'Передайте подробности разработчикам: запрос к банку составлен неверно.',
  },
  {
    test: /^still (AWAITING_CARD|PROCESSING|PENDING|AUTHORI[SZ]ED)/i,
    meaning: 'Банк ещё не сообщил итог оплаты.',
    todo: () => 'Система перепроверит сама; можно нажать «Перепроверить в банке». Если итог не придёт, платёж истечёт, а деньги не спишутся.',
  },
  {
    test: /QUOTE_MISSING/,
    meaning: 'Банк списал деньги, а расчёт суммы у платежа не сохранился.',
    todo: () => 'Зачислять нельзя: передайте платёж разработчикам и при необходимости верните деньги.',
  },
  {
    test: /READINGS?_(CHANGED|HELD|MISMATCH)|READING_START_MISMATCH/,
    meaning: 'Показания счётчика уже заняты другой оплатой этого периода.',
    todo: () => 'Сверьте показания на странице платежа; при двойной оплате верните деньги.',
  },
  {
    test: /database|prisma|P\d{4}|ledger|connection terminated|too many clients/i,
    meaning: 'Учётная система (база данных) не приняла запись.',
    todo: (stage) =>
      stage === 'DELIVERY'
        ? 'Устраните причину и нажмите «Отправить квитанцию снова».'
        : 'Устраните причину в учёте и нажмите «Повторить проведение». Платёж зачислится один раз.',
  },
  {
    test: /Resend|email|smtp|mail/i,
    meaning: 'Квитанция не ушла на почту жителя.',
    todo: () => 'Проверьте адрес почты и нажмите «Отправить квитанцию снова».',
  },
];

/**
 * What a payment's recorded reason means to an operator and what to do about it. The raw text (an
 * HTTP line, a database message) stays available as a detail; an unknown reason says so plainly.
 */
export const explainReason = (
  raw: string,
  { status = null, stage = null }: { status?: PaymentStatus | null; stage?: AttentionStage | null } = {},
): ExplainedReason => {
  const concise = conciseError(raw);
  if (status === 'DECLINED')
    return { meaning: DECLINES[raw] ?? `Банк отказал: ${concise}.`, todo: 'Денег не списано; житель может оплатить другой картой.', raw: concise };
  if (status === 'REFUNDED') return { meaning: `Деньги возвращены на карту. Причина: ${concise}`, todo: null, raw: concise };
  const rule = RULES.find((r) => r.test.test(raw));
  if (rule) return { meaning: rule.meaning, todo: rule.todo(stage, status), raw: concise };
  return {
    meaning: stage ? `Этап «${attentionStageText[stage]}» не завершился.` : 'Система записала причину, не известную консоли.',
    todo:
      stage === 'POSTING'
        ? 'Посмотрите подробности; когда причина устранена, нажмите «Повторить проведение».'
        : stage === 'DELIVERY'
          ? 'Посмотрите подробности и нажмите «Отправить квитанцию снова».'
          : 'Посмотрите подробности в истории платежа.',
    raw: concise,
  };
};
