// Audit rows about a record (payment or claim): who, what in words, when; the recorded change
// behind a toggle.
import { Code, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { auditActionLabel, auditFacts } from '~/server/audit/words';
import { omskDateTime } from './format';

export type AuditRowView = { id: string; actorId: string; action: string; createdAt: Date; before: unknown; after: unknown; details: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Before and after as "field: old → new" for the fields that changed; the whole value otherwise. */
const changes = (before: unknown, after: unknown): string[] | null => {
  if (!isRecord(before) || !isRecord(after)) return null;
  return Object.keys({ ...before, ...after })
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${key}: ${brief(before[key]) || '—'} → ${brief(after[key]) || '—'}`);
};

const brief = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

export const AuditTable = ({ rows }: { rows: AuditRowView[] }) =>
  rows.length === 0 ? (
    <Text>Записей нет.</Text>
  ) : (
    <TableScrollContainer minWidth={700} type="native" tabIndex={0}>
      <Table striped verticalSpacing={4} data-testid="audit">
        <TableThead>
          <TableTr>
            <TableTh>Когда (Омск)</TableTh>
            <TableTh>Кто</TableTh>
            <TableTh>Действие</TableTh>
            <TableTh>Подробности</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {rows.map((row) => (
            <TableTr key={row.id}>
              <TableTd className="num">{omskDateTime(row.createdAt, { seconds: true })}</TableTd>
              <TableTd>{row.actorId}</TableTd>
              <TableTd>
                <Text size="sm">{auditActionLabel(row.action)}</Text>
                {auditFacts(row).map((fact) => (
                  <Text key={fact} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {fact}
                  </Text>
                ))}
              </TableTd>
              <TableTd>
                {(row.before ?? row.after ?? row.details) ? (
                  <details>
                    <summary>Данные записи</summary>
                    <Text size="xs">
                      <Code>{row.action}</Code>
                    </Text>
                    {(
                      [
                        ...(changes(row.before, row.after)?.map((line): [string, unknown] => ['изменено', line]) ?? [
                          ['до', row.before],
                          ['после', row.after],
                        ]),
                        ['детали', row.details],
                      ] as [string, unknown][]
                    )
                      .filter(([, v]) => v !== null && v !== undefined)
                      .map(([label, v], index) => (
                        <Text key={`${label}-${index}`} size="xs" style={{ overflowWrap: 'anywhere' }}>
                          {String(label)}: <Code>{typeof v === 'string' && label === 'изменено' ? v : brief(v)}</Code>
                        </Text>
                      ))}
                  </details>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
  );
