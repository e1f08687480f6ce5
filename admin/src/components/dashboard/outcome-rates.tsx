// How the window's payments ended, as shares of all started: the first sign of an acquirer in trouble.
import { Card, SimpleGrid, Text } from '@mantine/core';
import type { TGetPaymentStatsResponse } from '~/server/api/routers/dashboard/get-payment-stats.types';

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);

export const OutcomeRates = ({ stats }: { stats: TGetPaymentStatsResponse }) => {
  const { total, outcomes } = stats;
  const tiles = [
    { label: `Оплат за ${stats.days.length} дней`, value: String(total), note: 'начато после подтверждения суммы' },
    { label: 'Успешно', value: percent(outcomes.succeeded, total), note: `${outcomes.succeeded} шт.` },
    { label: 'Отклонено банком', value: percent(outcomes.declined, total), note: `${outcomes.declined} шт.` },
    { label: 'Отменено жителем', value: percent(outcomes.cancelled, total), note: `${outcomes.cancelled} шт.` },
    { label: 'Истекло время', value: percent(outcomes.expired, total), note: `${outcomes.expired} шт.` },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="dl" m={0}>
      {tiles.map((tile) => (
        <Card key={tile.label} withBorder padding="sm">
          <Text component="dt" size="sm" c="dimmed">
            {tile.label}
          </Text>
          <Text component="dd" m={0} fz={26} fw={700} className="num">
            {tile.value}
          </Text>
          <Text component="dd" m={0} size="xs" c="dimmed">
            {tile.note}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
};
