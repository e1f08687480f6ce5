// Russian words for the operator's outcomes and errors, shared by server messages and the pages.
// Pure: client components import it too.
import type { AttentionStage } from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';

export const paymentStatusText = (status: PaymentStatus): string =>
  ({
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
  })[status];

export const attentionStageText: Record<AttentionStage, string> = {
  POSTING: 'квитанция или проводка в учёте',
  DELIVERY: 'отправка квитанции',
};

/**
 * A failure as one readable line: errors from the database arrive as several lines (the call, a
 * code excerpt, then the database's own message), of which the last one says what happened.
 */
export const conciseError = (text: string): string => {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1) ?? text;
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
};
