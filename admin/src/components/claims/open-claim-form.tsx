'use client';
// Opening a claim: who the resident is, how to reach them, what happened. The receipt number and
// code come from the check (or are typed); the server decides whether the receipt is genuine.
import { Alert, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { fieldErrorsOf, formErrorOf } from './use-field-errors';

export type OpenClaimFormProps = { paymentId?: string | undefined; receiptNumber?: string | undefined; receiptCode?: string | undefined };

export const OpenClaimForm = ({ paymentId, receiptNumber, receiptCode }: OpenClaimFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({
    residentName: '',
    residentContact: '',
    description: '',
    receiptNumber: receiptNumber ?? '',
    receiptCode: receiptCode ?? '',
  });
  const open = useMutation(trpc.claims.openClaim.mutationOptions({ onSuccess: (claim) => router.push(`/claims/${claim.id}` as Route) }));
  const errors = fieldErrorsOf(open.error);
  const formError = formErrorOf(open.error);
  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate({ ...values, ...(paymentId ? { paymentId } : {}) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Новая претензия">
      <Stack gap="sm">
        {formError ? (
          <Alert variant="outline" color="red.9" role="alert" title="Претензия не открыта">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="ФИО заявителя" required value={values.residentName} onChange={set('residentName')} error={errors.residentName} autoComplete="off" />
          <TextInput
            label="Как связаться (телефон или почта)"
            value={values.residentContact}
            onChange={set('residentContact')}
            error={errors.residentContact}
            autoComplete="off"
          />
          <TextInput label="Номер квитанции" value={values.receiptNumber} onChange={set('receiptNumber')} error={errors.receiptNumber} autoComplete="off" />
          <TextInput
            label="Код проверки с квитанции"
            description="С кодом система сама отметит, подлинная ли квитанция"
            value={values.receiptCode}
            onChange={set('receiptCode')}
            error={errors.receiptCode}
            autoComplete="off"
          />
        </SimpleGrid>
        <Textarea label="Что случилось" required minRows={4} autosize value={values.description} onChange={set('description')} error={errors.description} />
        <Group>
          <Button type="submit" loading={open.isPending}>
            Открыть претензию
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
