// A payment's story as a clerk tells it to a resident: "Условия приняты 13:36 → Счёт на 1 199,38 ₽
// → Оплачено картой •••• 3220 → Квитанция № … → Зачислено → Квитанция отправлена на почту". Made
// from the workflow's own record of its status changes (the STATE steps of the timeline) and the
// payment's facts; timers, activities and worker names stay in the engineering view. Pure.
import { formatPeriod } from '@voltpay/domain/period';
import { explainReason } from '~/server/operations/labels';
import { roubles } from './format';

/** A timeline step; only the workflow's own status records (kind STATE) tell the story. */
export type StoryStep = { at: Date; kind: string; name: string; detail: string | null };
/** `emails`: the receipt's letters; `sent` false when kept in the outbox because no mail service is set up. */
export type StoryFacts = { totalKopecks: number; cardLast4: string | null; receiptNumber: string | null; emails: readonly { at: Date; sent: boolean }[] };
export type StoryLine = { at: Date; text: string; tone: 'done' | 'wait' | 'bad' };

const line = (at: Date, text: string, tone: StoryLine['tone'] = 'done'): StoryLine => ({ at, text, tone });

export const paymentStory = (steps: readonly StoryStep[], facts: StoryFacts): StoryLine[] => {
  const story: StoryLine[] = [];
  const last = (text: string) => story.at(-1)?.text === text;
  for (const step of steps.filter((s) => s.kind === 'STATE').sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const add = (text: string, tone?: StoryLine['tone']) => (last(text) ? undefined : story.push(line(step.at, text, tone)));
    switch (step.name) {
      case 'TERMS_ACCEPTED':
        add('Условия оферты приняты');
        break;
      case 'PERIOD_SET':
        if (step.detail && /^\d{4}-\d{2}$/.test(step.detail)) add(`Выбран период: ${formatPeriod(step.detail, 'ru')}`);
        break;
      case 'AWAITING_CARD':
        add(`Счёт на ${roubles(facts.totalKopecks)}: житель перешёл к оплате картой`, 'wait');
        break;
      case 'OTP_PASSED':
        add('Код 3-D Secure подтверждён');
        break;
      case 'READINGS_CHANGED':
        add('Показания счётчика успела занять другая оплата: житель проверяет их заново', 'wait');
        break;
      case 'UNCONFIRMED':
        add('Банк не подтвердил оплату вовремя: ждём его ответа', 'wait');
        break;
      case 'POSTING':
        add(facts.cardLast4 ? `Оплачено картой •••• ${facts.cardLast4}` : 'Оплачено картой');
        break;
      case 'RECEIPT_ISSUED':
        add(`Выдана квитанция № ${step.detail ?? facts.receiptNumber ?? ''}`.trim());
        break;
      case 'POSTED':
        add('Зачислено на лицевой счёт');
        break;
      case 'NEEDS_ATTENTION':
        add(
          `Нужна помощь оператора: ${explainReason(step.detail ?? '', { status: 'NEEDS_ATTENTION' })
            .meaning.replace(/\.$/, '')
            .toLowerCase()}`,
          'bad',
        );
        break;
      case 'COMPLETED':
        add('Платёж завершён');
        break;
      case 'DECLINED':
        add(
          `Банк отказал: ${explainReason(step.detail ?? 'declined', { status: 'DECLINED' })
            .meaning.replace(/\.$/, '')
            .toLowerCase()}`,
          'bad',
        );
        break;
      case 'CANCELLED':
        add('Житель отменил оплату', 'bad');
        break;
      case 'EXPIRED':
        add('Время на оплату истекло; деньги не списаны', 'bad');
        break;
      case 'REFUNDED':
        add('Деньги возвращены на карту', 'bad');
        break;
      default:
        // Draft edits, webhooks, re-checks, returns from the bank's page: the engineering view's.
        break;
    }
  }
  for (const email of facts.emails)
    story.push(
      email.sent ? line(email.at, 'Квитанция отправлена на почту') : line(email.at, 'Квитанция сохранена в исходящих: отправка почты не настроена', 'wait'),
    );
  return story.sort((a, b) => a.at.getTime() - b.at.getTime());
};
