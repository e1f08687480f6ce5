import { describe, expect, it } from 'vitest';
import { roubles } from './format';
import { paymentStory, type StoryStep } from './payment-story';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 7, 7, minute, second));
const step = (name: string, minute: number, detail: string | null = null): StoryStep => ({ at: at(minute), kind: 'STATE', name, detail });

describe('paymentStory', () => {
  it('tells a completed payment in a few Russian lines, not its engineering log', () => {
    const story = paymentStory(
      [
        step('TERMS_ACCEPTED', 36),
        step('ACCOUNT_SET', 36, 'omsk 99991234567'),
        step('PERIOD_SET', 36, '2026-11'),
        step('ELECTRICITY_SET', 36, 'readings'),
        step('LINES_SET', 36, '{"penalty":false}'),
        step('AWAITING_CARD', 37),
        step('PROCESSING', 37),
        step('RETURNED_FROM_ACQUIRER', 37),
        step('POSTING', 37),
        step('RECEIPT_ISSUED', 37, '20261207-000042'),
        step('POSTED', 38),
        step('COMPLETED', 38),
      ],
      { totalKopecks: 119_938, cardLast4: '3220', receiptNumber: '20261207-000042', emails: [{ at: at(38, 30), sent: true }] },
    );
    expect(story.map((l) => l.text)).toEqual([
      'Условия оферты приняты',
      'Выбран период: Ноябрь 2026',
      `Счёт на ${roubles(119_938)}: житель перешёл к оплате картой`,
      'Оплачено картой •••• 3220',
      'Выдана квитанция № 20261207-000042',
      'Зачислено на лицевой счёт',
      'Платёж завершён',
      'Квитанция отправлена на почту',
    ]);
    expect(story.every((l) => !/[A-Z_]{5,}|kopecks|ms\b/.test(l.text))).toBe(true);
  });

  it('says what went wrong in words', () => {
    const story = paymentStory([step('TERMS_ACCEPTED', 1), step('AWAITING_CARD', 2), step('DECLINED', 3, 'insufficient_funds')], {
      totalKopecks: 100,
      cardLast4: null,
      receiptNumber: null,
      emails: [],
    });
    expect(story.at(-1)).toMatchObject({ text: 'Банк отказал: на карте не хватило денег', tone: 'bad' });
  });
});
