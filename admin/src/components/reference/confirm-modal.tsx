'use client';
// "Delete …?" for reference rows: says what goes, shows the server's refusal (rows in use) in place.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export const ConfirmDeleteModal = ({
  title,
  children,
  error,
  pending,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  error: string | null;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) => (
  <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title={title}>
    <Stack gap="sm">
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <Text>{children}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Отмена
        </Button>
        <Button color="red" loading={pending} onClick={onConfirm}>
          Удалить
        </Button>
      </Group>
    </Stack>
  </Modal>
);

export const FormAlert = ({ message }: { message: string | null }) =>
  message ? (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  ) : null;
