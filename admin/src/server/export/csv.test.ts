import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes what Russian Excel opens as columns: a BOM, semicolons, CRLF, quotes only where needed', () => {
    const csv = toCsv(
      [
        { header: 'Лицевой счёт', value: (r: { n: string; note: string | null }) => r.n },
        { header: 'Примечание', value: (r) => r.note },
      ],
      [
        { n: '99991234567', note: 'деньги списаны; не зачислены' },
        { n: '99991234568', note: 'сказал: "верните"' },
        { n: '99991234569', note: null },
      ],
    );
    expect(csv).toBe('\uFEFFЛицевой счёт;Примечание\r\n99991234567;"деньги списаны; не зачислены"\r\n99991234568;"сказал: ""верните"""\r\n99991234569;\r\n');
  });
});
