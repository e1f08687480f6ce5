// The centred card the sign-in pages share (they sit outside the console shell).
import { Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { Zap } from 'lucide-react';
import type { ReactNode } from 'react';

export const SignInFrame = ({ title, children }: { title: string; children: ReactNode }) => (
  <Center component="main" id="main" tabIndex={-1} mih="100vh" p="md" bg="gray.0">
    <Card withBorder shadow="sm" padding="xl" w="100%" maw={440}>
      <Stack gap="md">
        <Group gap="xs">
          <Zap size={22} aria-hidden />
          <Text fw={700}>Voltpay</Text>
          <Text c="dimmed" size="sm">
            консоль сотрудников
          </Text>
        </Group>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  </Center>
);
