import { describe, expect, it } from 'vitest';
import { conciseError, explainReason } from './labels';

describe('conciseError', () => {
  it('keeps the database’s own message of a multi-line Prisma error', () => {
    const prismaError =
      'Invalid `tx.ledgerPosting.create()` invocation in\n/work/activities.ts:73:50\n\n  70 \n→ 73   const created = …\nDatabase error. Code: `P0001`. Message: `ledger is closed`';
    expect(conciseError(prismaError)).toBe('Database error. Code: `P0001`. Message: `ledger is closed`');
  });
  it('leaves a one-line message as it is and shortens a very long one', () => {
    expect(conciseError('  the acquirer answered 503 ')).toBe('the acquirer answered 503');
    expect(conciseError('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
  });
});

describe('explainReason', () => {
  it('says what an acquirer outage means and what to do, keeping the HTTP line as the detail', () => {
    const reason = explainReason('GET /api/v1/orders/ord_1a2b: the acquirer answered 503', { status: 'UNCONFIRMED' });
    expect(reason.meaning).toBe('Банк-эквайер не ответил или ответил ошибкой на своей стороне.');
    expect(reason.todo).toContain('«Перепроверить в банке»');
    expect(reason.raw).toBe('GET /api/v1/orders/ord_1a2b: the acquirer answered 503');
  });

  it('tells a ledger refusal from a delivery failure, and says which button mends each', () => {
    const ledger = explainReason('Invalid `tx.ledgerPosting.create()` invocation\nDatabase error. Code: `P0001`. Message: `ledger is closed`', {
      status: 'NEEDS_ATTENTION',
      stage: 'POSTING',
    });
    expect(ledger.meaning).toBe('Учётная система (база данных) не приняла запись.');
    expect(ledger.todo).toContain('«Повторить проведение»');
    expect(ledger.raw).toBe('Database error. Code: `P0001`. Message: `ledger is closed`');
    const mail = explainReason('Resend answered 422: invalid `to` address', { status: 'NEEDS_ATTENTION', stage: 'DELIVERY' });
    expect(mail.meaning).toBe('Квитанция не ушла на почту жителя.');
  });

  it('names a decline in words and an unknown reason as unknown, never as if understood', () => {
    expect(explainReason('insufficient_funds', { status: 'DECLINED' }).meaning).toBe('На карте не хватило денег.');
    expect(explainReason('still PROCESSING', { status: 'UNCONFIRMED' }).meaning).toBe('Банк ещё не сообщил итог оплаты.');
    const unknown = explainReason('something odd', { status: 'NEEDS_ATTENTION', stage: 'POSTING' });
    expect(unknown.meaning).toBe('Этап «квитанция или проводка в учёте» не завершился.');
    expect(unknown.raw).toBe('something odd');
  });
});
