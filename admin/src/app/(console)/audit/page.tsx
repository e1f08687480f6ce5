// The audit trail (admin): who did what to which record, newest first. Server-rendered: the filter
// is a GET form, so a filtered view is a link one admin can send another.
import {
  Anchor,
  Button,
  Card,
  Code,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import type { Metadata } from 'next';
import { requireStaff } from '~/server/auth/guard';
import { ZFindAuditEntriesRequest } from '~/server/api/routers/audit/find-audit-entries.types';
import { api } from '~/trpc/server';
import { DateField } from '~/components/forms/date-field';
import { EXPORT_LIMIT } from '~/server/export/csv';
import { csvLinkText } from '~/components/payments/format';
import { TargetLink } from '~/components/payments/target-link';
import { nameTargets, plainTargetName, targetKey, type TargetName } from '~/server/audit/target-names';
import { AUDIT_AREA_LABELS, AUDIT_TARGET_LABELS, auditActionLabel, auditFacts } from '~/server/audit/words';
import { prisma } from '@voltpay/prisma';

export const metadata: Metadata = { title: 'Журнал действий' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const actorTypeLabels = { STAFF: 'сотрудник', SYSTEM: 'система', RESIDENT: 'житель' } as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

const pageHref = (filter: Record<string, string>, page: number) => {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/audit?${text}` : '/audit';
};

const JsonBlock = ({ label, value }: { label: string; value: unknown }) =>
  value === null || value === undefined ? null : (
    <div>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: 560 }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );

const AuditPage = async ({ searchParams }: { searchParams: SearchParams }) => {
  await requireStaff('admin');
  const params = await searchParams;
  const filter = Object.fromEntries(FILTERS.map((name) => [name, first(params[name]).trim()])) as Record<(typeof FILTERS)[number], string>;
  const pageNumber = Math.max(1, Number.parseInt(first(params.page), 10) || 1);
  // Bad input in the URL (over-long text) shows as a message, not an error page.
  const parsed = ZFindAuditEntriesRequest.safeParse({ ...filter, page: pageNumber, pageSize: PAGE_SIZE });
  const [result, facets] = await Promise.all([parsed.success ? api.audit.findAuditEntries(parsed.data) : null, api.audit.getAuditFacets()]);
  const names = result ? await nameTargets(prisma, result.items) : new Map<string, TargetName>();
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const fieldError = (name: 'from' | 'to') => (parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === name)?.message);
  const areas = [...new Set(facets.actions.map((action) => `${action.split('.')[0]}.`))];

  return (
    <Stack gap="md">
      <Title order={1}>Журнал действий</Title>
      <Card withBorder component="section" aria-labelledby="audit-filter-title">
        <Title order={2} size="h5" id="audit-filter-title" mb="xs">
          Отбор
        </Title>
        <form method="get" action="/audit">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <TextInput name="actor" label="Кто (почта или id)" defaultValue={filter.actor} />
            <NativeSelect
              name="action"
              label="Действие"
              defaultValue={filter.action}
              data={[
                { value: '', label: 'любое' },
                {
                  group: 'Раздел целиком',
                  items: areas.map((area) => ({ value: area, label: `${AUDIT_AREA_LABELS[area.slice(0, -1)] ?? area} — все действия` })),
                },
                { group: 'Действие', items: facets.actions.map((action) => ({ value: action, label: auditActionLabel(action) })) },
              ]}
            />
            <NativeSelect
              name="targetType"
              label="Над чем"
              defaultValue={filter.targetType}
              data={[{ value: '', label: 'над чем угодно' }, ...facets.targetTypes.map((type) => ({ value: type, label: AUDIT_TARGET_LABELS[type] ?? type }))]}
            />
            <TextInput name="targetId" label="Запись (id или его часть)" defaultValue={filter.targetId} />
            <DateField name="from" label="С (омское время)" defaultValue={filter.from} error={fieldError('from')} />
            <DateField name="to" label="По (включительно)" defaultValue={filter.to} error={fieldError('to')} />
          </SimpleGrid>
          <Group mt="sm" gap="sm">
            <Button type="submit">Показать</Button>
            <Anchor href="/audit" size="sm">
              Сбросить отбор
            </Anchor>
            {result && result.total > 0 ? (
              <Anchor href={pageHref(filter, 1).replace('/audit', '/audit/export')} size="sm" download>
                {csvLinkText(result.total, EXPORT_LIMIT, ['запись', 'записи', 'записей'])}
              </Anchor>
            ) : null}
          </Group>
        </form>
      </Card>

      {!result ? (
        <Text role="alert" className="text-down">
          {parsed.error?.issues[0]?.message ?? 'Неверный отбор.'}
        </Text>
      ) : (
        <>
          <Text size="sm" role="status">
            Найдено записей: {result.total}
            {result.total > 0 ? `; страница ${result.page} из ${pages}` : ''}.
          </Text>
          <TableScrollContainer type="native" minWidth={820} tabIndex={0} aria-label="Записи журнала">
            <Table striped verticalSpacing="xs">
              <TableThead>
                <TableTr>
                  <TableTh scope="col">Когда (омское)</TableTh>
                  <TableTh scope="col">Кто</TableTh>
                  <TableTh scope="col">Действие</TableTh>
                  <TableTh scope="col">Над чем</TableTh>
                  <TableTh scope="col">Подробности</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {result.items.map((entry) => (
                  <TableTr key={entry.id}>
                    <TableTd className="num">
                      <time dateTime={entry.createdAt.toISOString()}>{formatOmskDateTime(entry.createdAt, 'ru', { seconds: true })}</time>
                    </TableTd>
                    <TableTd>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {entry.actorId}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {actorTypeLabels[entry.actorType]}
                      </Text>
                    </TableTd>
                    <TableTd>
                      <Text size="sm">{auditActionLabel(entry.action)}</Text>
                      {auditFacts(entry).map((fact) => (
                        <Text key={fact} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {fact}
                        </Text>
                      ))}
                    </TableTd>
                    <TableTd>
                      <TargetLink name={names.get(targetKey(entry.targetType, entry.targetId)) ?? plainTargetName(entry.targetType, entry.targetId)} />
                    </TableTd>
                    <TableTd>
                      {(entry.before ?? entry.after ?? entry.details) ? (
                        <details>
                          <summary>Данные записи</summary>
                          <Stack gap={4}>
                            <Text size="xs">
                              <Code>{entry.action}</Code> · <Code>{entry.targetType}</Code> <Code>{entry.targetId}</Code>
                            </Text>
                            <JsonBlock label="Было" value={entry.before} />
                            <JsonBlock label="Стало" value={entry.after} />
                            <JsonBlock label="Ещё" value={entry.details} />
                          </Stack>
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
          <Group component="nav" aria-label="Страницы журнала" gap="md">
            {result.page > 1 ? <Anchor href={pageHref(filter, result.page - 1)}>← Новее</Anchor> : null}
            {result.page < pages ? <Anchor href={pageHref(filter, result.page + 1)}>Старее →</Anchor> : null}
          </Group>
        </>
      )}
    </Stack>
  );
};

export default AuditPage;
