// The footer of every console form dialog: "Отмена" closes it, "Сохранить" submits (busy while saving).
import { Button, Group } from '@mantine/core';

export const FormActions = ({ onCancel, saving }: { onCancel: () => void; saving: boolean }) => (
  <Group justify="flex-end">
    <Button variant="default" onClick={onCancel}>
      Отмена
    </Button>
    <Button type="submit" loading={saving}>
      Сохранить
    </Button>
  </Group>
);
