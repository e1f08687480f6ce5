'use client';
// Adding a note to a claim. Notes are append-only: once added they cannot be edited or removed.
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { fieldErrorsOf, formErrorOf } from './use-field-errors';

export const ClaimNoteForm = ({ claimId }: { claimId: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [body, setBody] = useState('');
  const add = useMutation(
    trpc.claims.addClaimNote.mutationOptions({
      onSuccess: () => {
        setBody('');
        router.refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ claimId, body });
  };
  const formError = formErrorOf(add.error);
  return (
    <form onSubmit={submit} noValidate aria-label="Новая заметка">
      <Stack gap="xs">
        {formError && !fieldErrorsOf(add.error).body ? (
          <Alert variant="outline" color="red.9" role="alert">
            {formError}
          </Alert>
        ) : null}
        <Textarea
          label="Заметка"
          description="Заметки не редактируются и не удаляются"
          minRows={2}
          autosize
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldErrorsOf(add.error).body}
        />
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            Добавить заметку
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
