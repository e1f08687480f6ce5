'use client';
// Accounts by number or street, demo ones marked (and editable), billing ones read-only.
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Pagination,
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
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Search, UserPlus } from 'lucide-react';
import type { Route } from 'next';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { LOCALITY_LABELS, PLAN_LABELS, STOVE_LABELS } from '~/server/reference/labels';
import { useTRPC } from '~/trpc/react';
import { INITIAL_ACCOUNTS_FILTER, type AccountsDemoFilter } from './accounts-filter';

type DemoFilter = AccountsDemoFilter;

export const AccountsSearch = () => {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState(INITIAL_ACCOUNTS_FILTER);
  const { data, isFetching } = useQuery({ ...trpc.accounts.findAccounts.queryOptions(filter), placeholderData: keepPreviousData });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter((f) => ({ ...f, query: text, page: 0 }));
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Лицевые счета</Title>
          <Text c="gray.7" size="sm">
            Счета из биллинга энергосбыта здесь только смотрят. Демо-счета (для проверки оплаты) заводят и меняют здесь, с начислениями и долгами по периодам.
          </Text>
        </div>
        <Button component={Link} href={'/accounts/new' as Route} leftSection={<UserPlus size={18} aria-hidden />}>
          Новый демо-счёт
        </Button>
      </Group>
      <form onSubmit={submit} role="search" aria-label="Поиск лицевых счетов">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Номер или улица" value={text} onChange={(e) => setText(e.currentTarget.value)} miw={260} />
          <NativeSelect
            label="Какие счета"
            data={[
              { value: 'all', label: 'все' },
              { value: 'demo', label: 'демо' },
              { value: 'billing', label: 'из биллинга' },
            ]}
            value={filter.demo}
            onChange={(e) => {
              const demo = e.currentTarget.value as DemoFilter;
              setFilter((f) => ({ ...f, demo, page: 0 }));
            }}
          />
          <Button type="submit" variant="default" leftSection={<Search size={16} aria-hidden />} loading={isFetching}>
            Найти
          </Button>
        </Group>
      </form>
      <Text size="sm" aria-live="polite">
        {data ? `Найдено: ${data.total}` : 'Ищем…'}
      </Text>
      <TableScrollContainer minWidth={720}>
        <Table striped highlightOnHover>
          <TableThead>
            <TableTr>
              <TableTh scope="col">Номер</TableTh>
              <TableTh scope="col">Где</TableTh>
              <TableTh scope="col">Адрес</TableTh>
              <TableTh scope="col">Тариф</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {(data?.items ?? []).map((a) => (
              <TableTr key={a.id}>
                <TableTd>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} href={`/accounts/${a.id}` as Route} ff="monospace">
                      {a.number}
                    </Anchor>
                    {a.isDemo ? (
                      <Badge color="grape.9" variant="filled">
                        демо
                      </Badge>
                    ) : null}
                  </Group>
                </TableTd>
                <TableTd>
                  {a.districtKind === 'CITY' ? `${a.districtName}, ЖЭО ${a.housingOfficeIndex ?? '—'}` : `${a.districtName} р-н, ${a.settlementName}`}
                </TableTd>
                <TableTd>{a.address}</TableTd>
                <TableTd>
                  {LOCALITY_LABELS[a.locality]}, {STOVE_LABELS[a.stove]}, {PLAN_LABELS[a.tariffPlan]}
                </TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={filter.page + 1}
          onChange={(page) => setFilter((f) => ({ ...f, page: page - 1 }))}
          getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Следующая страница' : 'Предыдущая страница' })}
          getItemProps={(page) => ({ 'aria-label': `Страница ${page}` })}
        />
      ) : null}
    </Stack>
  );
};
