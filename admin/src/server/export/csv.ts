// Lists the console downloads (payments found, claims, the audit log) as CSV a clerk opens in
// Excel or LibreOffice with a double click: UTF-8 with a byte-order mark (Excel reads Cyrillic
// right only with it), `;` between fields (Russian Excel's list separator: with `,` it shows one
// column), CRLF line ends. Quoting and escaping are csv-stringify's (node-csv), not hand-made.
import { stringify } from 'csv-stringify/sync';

/** More rows than this are a job for a report, not a download: the file says it was cut. */
export const EXPORT_LIMIT = 10_000;

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | null | undefined };

export const toCsv = <T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string =>
  `\uFEFF${stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row) ?? ''))], { delimiter: ';', record_delimiter: 'windows' })}`;
