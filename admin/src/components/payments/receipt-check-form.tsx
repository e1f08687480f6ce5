// Number + verification code of a presented receipt → /receipts/check, the same address the QR
// code's link maps to in the console. A GET form: the check is a link a clerk can share.
import { Button, Group, TextInput } from '@mantine/core';

export type ReceiptCheckFormProps = { number?: string | undefined; code?: string | undefined; errors?: { number?: string; code?: string } };

export const ReceiptCheckForm = ({ number, code, errors = {} }: ReceiptCheckFormProps) => (
  <form method="get" action="/receipts/check" aria-label="Проверка квитанции">
    <Group align="flex-start" gap="sm" wrap="wrap">
      <TextInput
        id="receipt-check-number"
        name="number"
        label="Номер квитанции"
        placeholder="20261126-000001"
        defaultValue={number}
        error={errors.number}
        required
        autoComplete="off"
        w={{ base: '100%', sm: 240 }}
      />
      <TextInput
        id="receipt-check-code"
        name="code"
        label="Код проверки"
        placeholder="ABCD-EFGH-JKMN"
        defaultValue={code}
        error={errors.code}
        required
        autoComplete="off"
        w={{ base: '100%', sm: 240 }}
      />
      <Button type="submit" mt={{ base: 0, sm: 25 }}>
        Проверить
      </Button>
    </Group>
  </form>
);
