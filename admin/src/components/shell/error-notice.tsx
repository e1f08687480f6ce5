// What a member of staff sees instead of a page that failed or does not exist: a plain Russian
// message and a way back. Never the error itself — its detail stays in the server log, and the
// digest (the same code Next writes next to it there) is what a clerk can quote to an admin.
import { Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export type ErrorNoticeProps = {
  code: string;
  title: string;
  children: ReactNode;
  /** Shown as "Код для администратора"; absent for a missing page. */
  digest?: string | undefined;
  /** "Try again" for a failure that may pass. */
  onRetry?: (() => void) | undefined;
  /** Inside the console's frame, which has its own <main>. */
  inShell?: boolean;
};

export const ErrorNotice = ({ code, title, children, digest, onRetry, inShell = false }: ErrorNoticeProps) => (
  <Center {...(inShell ? { mih: '50vh' } : { component: 'main', id: 'main', tabIndex: -1, mih: '70vh' })} p="md">
    <Stack align="center" gap="sm" maw={520} ta="center" data-testid="error-notice" data-code={code}>
      <Text c="dimmed" fw={700}>
        {code}
      </Text>
      <Title order={1}>{title}</Title>
      <Text>{children}</Text>
      {digest ? (
        <Text size="sm" c="dimmed">
          Код для администратора: <span className="num">{digest}</span>
        </Text>
      ) : null}
      <Group justify="center" gap="sm">
        {onRetry ? (
          <Button variant="default" onClick={onRetry}>
            Попробовать ещё раз
          </Button>
        ) : null}
        <Button component="a" href="/">
          На главную консоли
        </Button>
      </Group>
    </Stack>
  </Center>
);
