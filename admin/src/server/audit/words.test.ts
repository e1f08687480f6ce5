import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, auditFacts, tariffCategoryName } from './words';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

describe('the audit trail in words', () => {
  // Every action and target the console records has words, so no clerk meets a code in the journal.
  const code = sources(path.join(import.meta.dirname, '..', '..'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('names every action the console records', () => {
    const actions = new Set(
      [...code.matchAll(/action: '([a-zA-Z]+\.[a-zA-Z.]+)'/g), ...code.matchAll(/^\s+[a-zA-Z]+: '(payment\.[a-zA-Z]+)',$/gm)].map((m) => m[1]!),
    );
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
  });

  it('names every kind of target the console records', () => {
    const targets = new Set([...code.matchAll(/targetType: '([a-zA-Z]+)'/g)].map((m) => m[1]!).filter((t) => t !== 'asc'));
    expect([...targets].filter((target) => !(target in AUDIT_TARGET_LABELS))).toEqual([]);
  });

  it('tells a tariff category by the tariffs page’s words', () => {
    expect(tariffCategoryName('URBAN/GAS')).toBe('«Город, газовая плита»');
    expect(tariffCategoryName('RURAL/ELECTRIC')).toBe('«Село, электроплита»');
  });

  it('keeps the reason, the note and the row count as sentences, not JSON', () => {
    expect(auditFacts({ after: { status: 'REFUNDED', id: 'x', nested: { a: 1 } }, details: { reason: 'двойная оплата', rows: 3 } })).toEqual([
      'Причина: двойная оплата',
      'Строк: 3',
    ]);
  });
});
