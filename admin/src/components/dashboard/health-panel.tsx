// Whether the database and Temporal answer, and how fast: the first thing to check when payments stall.
import { Anchor, Card, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, Title } from '@mantine/core';
import { formatOmskDateTimeLong } from '@voltpay/domain/omsk-time';
import type { TGetHealthResponse } from '~/server/api/routers/system/get-health.types';

type ComponentHealth = TGetHealthResponse['checks']['database'];

const StatusRow = ({ name, health }: { name: string; health: ComponentHealth }) => (
  <TableTr>
    <TableTh scope="row">{name}</TableTh>
    <TableTd>
      <Text span fw={600} className={health.ok ? 'text-ok' : 'text-down'} style={{ whiteSpace: 'nowrap' }}>
        <span aria-hidden="true">{health.ok ? '✓ ' : '✗ '}</span>
        {health.ok ? 'доступна' : 'недоступна'}
      </Text>
    </TableTd>
    <TableTd className="num">{health.latencyMs} мс</TableTd>
    <TableTd>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {health.ok ? '' : health.error}
      </Text>
    </TableTd>
  </TableTr>
);

export const HealthPanel = ({ health, temporalUiUrl }: { health: TGetHealthResponse; temporalUiUrl?: string | undefined }) => (
  <Card withBorder component="section" aria-labelledby="status-title">
    <Title order={2} size="h4" id="status-title" mb="xs">
      Состояние системы
    </Title>
    <Text fw={600} className={health.status === 'ok' ? 'text-ok' : 'text-down'} role="status" mb="xs">
      {health.status === 'ok' ? 'Все компоненты доступны.' : 'Есть недоступные компоненты.'}
    </Text>
    <TableScrollContainer type="native" minWidth={420} tabIndex={0} aria-label="Состояние компонентов">
      <Table>
        <TableThead>
          <TableTr>
            <TableTh scope="col">Компонент</TableTh>
            <TableTh scope="col">Состояние</TableTh>
            <TableTh scope="col">Задержка</TableTh>
            <TableTh scope="col">Ошибка</TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          <StatusRow name="База данных" health={health.checks.database} />
          <StatusRow name="Temporal" health={health.checks.temporal} />
        </TableTbody>
      </Table>
    </TableScrollContainer>
    <Text size="sm" c="dimmed" mt="xs">
      Проверено: <time dateTime={health.checkedAt}>{formatOmskDateTimeLong(health.checkedAt, 'ru', { seconds: true })}</time> (время омское)
    </Text>
    {temporalUiUrl ? (
      <Anchor href={temporalUiUrl} target="_blank" rel="noreferrer" size="sm">
        Temporal UI
      </Anchor>
    ) : null}
  </Card>
);
