'use client';
// The one field of the sign-in page; the server action answers with a field error or redirects.
import { Button, Stack, TextInput } from '@mantine/core';
import { useActionState } from 'react';
import { requestSignInLink, type RequestSignInLinkState } from '~/server/auth/actions';

export const SignInForm = ({ callbackUrl }: { callbackUrl: string }) => {
  const [state, action, pending] = useActionState<RequestSignInLinkState, FormData>(requestSignInLink, { email: '' });
  return (
    <form action={action} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Stack gap="md">
        <TextInput
          label="Рабочая электронная почта"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          key={state.email}
          error={state.error}
          description="Пришлём на неё ссылку для входа. Пароль не нужен."
          autoFocus
        />
        {/* On a 360 px phone the label is wider than the card: it wraps, and the button grows to fit. */}
        <Button type="submit" loading={pending} fullWidth h="auto" mih={36} py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}>
          Получить ссылку для входа
        </Button>
      </Stack>
    </form>
  );
};
