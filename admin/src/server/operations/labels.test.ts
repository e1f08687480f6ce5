import { describe, expect, it } from 'vitest';
import { conciseError } from './labels';

describe('conciseError', () => {
  it('keeps the database’s own message of a multi-line Prisma error', () => {
    const prismaError = 'Invalid `tx.ledgerPosting.create()` invocation in\n/work/activities.ts:73:50\n\n  70 \n→ 73   const created = …\nDatabase error. Code: `P0001`. Message: `ledger is closed`';
    expect(conciseError(prismaError)).toBe('Database error. Code: `P0001`. Message: `ledger is closed`');
  });
  it('leaves a one-line message as it is and shortens a very long one', () => {
    expect(conciseError('  the acquirer answered 503 ')).toBe('the acquirer answered 503');
    expect(conciseError('x'.repeat(400))).toBe(`${'x'.repeat(300)}…`);
  });
});
