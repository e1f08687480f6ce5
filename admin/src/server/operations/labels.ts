// Russian words for the operator's outcomes and errors, shared by server messages and the pages.
// Pure: client components import it too.
import type { AttentionStage, PaymentStatus } from '@voltpay/workflows/payment';

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
