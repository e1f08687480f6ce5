'use client';
// Payments per Omsk day: bars for how many were started, a line for the roubles that came in.
// The chart is a picture; the same numbers are in the table under it for screen readers and copying.
import { Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { formatRoubles } from '@voltpay/domain/money';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TGetPaymentStatsResponse } from '~/server/api/routers/dashboard/get-payment-stats.types';

type Day = TGetPaymentStatsResponse['days'][number];

const shortDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
const longDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
// Whole roubles on the axis; exact kopecks in the tooltip and the table.
const axisRoubles = (roubles: number) => new Intl.NumberFormat('ru-RU', { notation: 'compact', maximumFractionDigits: 1 }).format(roubles);

const TooltipContent = ({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: Day }> }) => {
  const day = active ? payload?.[0]?.payload : undefined;
  if (!day) return null;
  return (
    <div className="chart-tooltip">
      <Text size="sm" fw={700}>
        {longDate(day.date)}
      </Text>
      <Text size="sm">Оплат начато: {day.count}</Text>
      <Text size="sm">Успешных: {day.succeeded}</Text>
      <Text size="sm">Поступило: {formatRoubles(day.succeededKopecks, 'ru')}</Text>
    </div>
  );
};

export const PaymentsChart = ({ days }: { days: Day[] }) => {
  const data = days.map((day) => ({ ...day, roubles: day.succeededKopecks / 100 }));
  const totalKopecks = days.reduce((sum, day) => sum + day.succeededKopecks, 0);
  const totalCount = days.reduce((sum, day) => sum + day.count, 0);
  return (
    <>
      <div
        role="img"
        aria-label={`График оплат по дням за ${days.length} дн.: всего ${totalCount} оплат, поступило ${formatRoubles(totalKopecks, 'ru')}. Числа — в таблице ниже.`}
        style={{ width: '100%', height: 280 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={shortDate} fontSize={12} minTickGap={16} />
            <YAxis yAxisId="count" allowDecimals={false} fontSize={12} width={36} />
            <YAxis yAxisId="roubles" orientation="right" tickFormatter={axisRoubles} fontSize={12} width={64} />
            <Tooltip content={<TooltipContent />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar yAxisId="count" dataKey="count" name="Оплат начато" fill="#1864ab" isAnimationActive={false} />
            <Line yAxisId="roubles" dataKey="roubles" name="Поступило, ₽" stroke="#c2410c" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Таблица по дням</summary>
        <TableScrollContainer type="native" minWidth={360} tabIndex={0} aria-label="Оплаты по дням, таблица">
          <Table striped>
            <TableThead>
              <TableTr>
                <TableTh scope="col">День</TableTh>
                <TableTh scope="col">Начато</TableTh>
                <TableTh scope="col">Успешно</TableTh>
                <TableTh scope="col">Поступило</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {days.map((day) => (
                <TableTr key={day.date}>
                  <TableTh scope="row">{longDate(day.date)}</TableTh>
                  <TableTd className="num">{day.count}</TableTd>
                  <TableTd className="num">{day.succeeded}</TableTd>
                  <TableTd className="num">{formatRoubles(day.succeededKopecks, 'ru')}</TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      </details>
    </>
  );
};
