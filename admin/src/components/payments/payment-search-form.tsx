// The payment search form: a plain GET form to /payments, so a search is a link a clerk can keep
// or send, and works before any script loads. Errors come from the server's zod check of the URL.
import { Button, Group, MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import { PAYMENT_STATUSES } from '~/server/api/routers/payments/shared.types';
import { DateField } from '../forms/date-field';
import { AnchorLink } from './anchor-link';
import { paymentStatusLabels } from './format';

export type PaymentSearchValues = {
  receiptNumber?: string | undefined;
  accountNumber?: string | undefined;
  email?: string | undefined;
  cardLast4?: string | undefined;
  amount?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  statuses?: string[] | undefined;
};

export type PaymentSearchFormProps = { values: PaymentSearchValues; errors: Partial<Record<keyof PaymentSearchValues, string>> };

export const PaymentSearchForm = ({ values, errors }: PaymentSearchFormProps) => (
  <form method="get" action="/payments" aria-label="Поиск платежей" noValidate>
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <TextInput
        id="payment-search-receiptNumber"
        name="receiptNumber"
        label="Номер квитанции"
        placeholder="20261126-000001"
        defaultValue={values.receiptNumber}
        error={errors.receiptNumber}
        autoComplete="off"
      />
      <TextInput
        id="payment-search-accountNumber"
        name="accountNumber"
        label="Лицевой счёт"
        placeholder="99991234567"
        defaultValue={values.accountNumber}
        error={errors.accountNumber}
        inputMode="numeric"
        autoComplete="off"
      />
      <TextInput
        id="payment-search-email"
        name="email"
        type="email"
        label="Почта для квитанции"
        defaultValue={values.email}
        error={errors.email}
        autoComplete="off"
      />
      <TextInput
        id="payment-search-cardLast4"
        name="cardLast4"
        label="Последние 4 цифры карты"
        defaultValue={values.cardLast4}
        error={errors.cardLast4}
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
      />
      <TextInput
        id="payment-search-amount"
        name="amount"
        label="Сумма, ₽"
        placeholder="1 234,56"
        description="Рубли и копейки через запятую"
        defaultValue={values.amount}
        error={errors.amount}
        inputMode="decimal"
        autoComplete="off"
      />
      <DateField
        id="payment-search-createdFrom"
        name="createdFrom"
        label="Создан с (омское время)"
        defaultValue={values.createdFrom}
        error={errors.createdFrom}
      />
      <DateField id="payment-search-createdTo" name="createdTo" label="Создан по (включительно)" defaultValue={values.createdTo} error={errors.createdTo} />
      <MultiSelect
        id="payment-search-statuses"
        name="statuses"
        label="Статус"
        placeholder={values.statuses?.length ? undefined : 'Любой'}
        data={PAYMENT_STATUSES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: paymentStatusLabels[s] }))}
        defaultValue={values.statuses}
        error={errors.statuses}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
    <Group mt="md" gap="md">
      <Button type="submit">Найти</Button>
      <AnchorLink href="/payments">Сбросить фильтры</AnchorLink>
    </Group>
  </form>
);
