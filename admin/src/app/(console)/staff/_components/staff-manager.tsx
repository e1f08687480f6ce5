'use client';
// The admin's list of staff: add someone, change what they may do, switch an account off (which
// signs them out everywhere at once) or back on. Refusals show next to the field they concern.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
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
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { StaffRole } from '@voltpay/prisma';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { UserPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { roleLabels } from '~/components/shell/nav-items';
import type { TListStaffUsersResponse } from '~/server/api/routers/staff/list-staff-users.types';
import { useTRPC } from '~/trpc/react';
import { fieldErrorOf, formErrorOf } from '~/components/forms/mutation-errors';
import { FormActions } from '~/components/forms/form-actions';

type StaffUser = TListStaffUsersResponse[number];

const ROLES: StaffRole[] = ['admin', 'sales', 'operator'];
const roleHints: Record<StaffRole, string> = {
  admin: 'тарифы, справочники, сотрудники, журнал',
  sales: 'квитанции, оплаты, претензии',
  operator: 'очереди: перепроверка, повтор, возврат',
};

const RolesField = ({ value, onChange, error }: { value: StaffRole[]; onChange: (roles: StaffRole[]) => void; error?: string | undefined }) => (
  <Checkbox.Group label="Роли" value={value} onChange={(roles) => onChange(roles)} error={error} withAsterisk>
    <Stack gap={6} mt={6}>
      {ROLES.map((role) => (
        <Checkbox key={role} value={role} label={roleLabels[role]} description={roleHints[role]} />
      ))}
    </Stack>
  </Checkbox.Group>
);

const useInvalidateStaff = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.staff.listStaffUsers.queryKey() });
};

const CreateStaffModal = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateStaff();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>(['sales']);
  const create = useMutation(
    trpc.staff.createStaffUser.mutationOptions({
      onSuccess: async (user) => {
        await invalidate();
        notifications.show({ color: 'green', message: `${user.email} добавлен(а). Войти можно по ссылке из письма на странице входа.` });
        setEmail('');
        setName('');
        setRoles(['sales']);
        create.reset();
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email, name, roles });
  };
  const formError = formErrorOf(create.error, ['email', 'name', 'roles']);
  return (
    <Modal opened={opened} onClose={onClose} title="Новый сотрудник" closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label="Рабочая почта"
            type="email"
            autoComplete="off"
            withAsterisk
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrorOf(create.error, 'email')}
            data-autofocus
          />
          <TextInput
            label="Имя и фамилия"
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrorOf(create.error, 'name')}
          />
          <RolesField value={roles} onChange={setRoles} error={fieldErrorOf(create.error, 'roles')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={create.isPending}>
              Добавить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

const EditRolesModal = ({ user, onClose }: { user: StaffUser; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateStaff();
  const [roles, setRoles] = useState<StaffRole[]>(user.roles);
  const update = useMutation(
    trpc.staff.updateStaffRoles.mutationOptions({
      onSuccess: async (updated) => {
        await invalidate();
        notifications.show({ color: 'green', message: `Роли ${updated.email} изменены. Действуют с его (её) следующего действия.` });
        onClose();
      },
    }),
  );
  const formError = formErrorOf(update.error, ['roles']);
  return (
    <Modal opened onClose={onClose} title={`Роли: ${user.email}`} closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: user.id, roles });
        }}
        noValidate
      >
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <RolesField value={roles} onChange={setRoles} error={fieldErrorOf(update.error, 'roles')} />
          <FormActions onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};

const ToggleActiveModal = ({ user, onClose }: { user: StaffUser; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateStaff();
  const done = async (message: string) => {
    await invalidate();
    notifications.show({ color: 'green', message });
    onClose();
  };
  const deactivate = useMutation(
    trpc.staff.deactivateStaffUser.mutationOptions({
      onSuccess: (result) => done(`${result.email} отключён(а); завершено сеансов: ${result.sessionsEnded}.`),
    }),
  );
  const reactivate = useMutation(trpc.staff.reactivateStaffUser.mutationOptions({ onSuccess: (result) => done(`${result.email} снова может войти.`) }));
  const error = deactivate.error ?? reactivate.error;
  return (
    <Modal opened onClose={onClose} title={user.active ? 'Отключить сотрудника?' : 'Включить сотрудника?'} closeButtonProps={{ 'aria-label': 'Закрыть' }}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        <Text>
          {user.active
            ? `${user.email} больше не сможет войти, а открытые сеансы (${user.activeSessions}) завершатся сразу.`
            : `${user.email} снова сможет войти по ссылке из письма, с прежними ролями.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          {user.active ? (
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate({ id: user.id })}>
              Отключить
            </Button>
          ) : (
            <Button loading={reactivate.isPending} onClick={() => reactivate.mutate({ id: user.id })}>
              Включить
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
};

export const StaffManager = ({ currentUserId }: { currentUserId: string }) => {
  const trpc = useTRPC();
  const { data: users } = useSuspenseQuery(trpc.staff.listStaffUsers.queryOptions());
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [toggling, setToggling] = useState<StaffUser | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>Сотрудники</Title>
        <Button leftSection={<UserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          Добавить сотрудника
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Роли действуют сразу. Отключённый сотрудник выходит из консоли на следующем действии и не может войти снова.
      </Text>
      <TableScrollContainer type="native" minWidth={760} tabIndex={0} aria-label="Сотрудники, таблица">
        <Table striped highlightOnHover>
          <TableThead>
            <TableTr>
              <TableTh scope="col">Сотрудник</TableTh>
              <TableTh scope="col">Роли</TableTh>
              <TableTh scope="col">Состояние</TableTh>
              <TableTh scope="col">Последний вход</TableTh>
              <TableTh scope="col">Действия</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {users.map((user) => (
              <TableTr key={user.id}>
                <TableTh scope="row" fw={400}>
                  <Text fw={600} size="sm">
                    {user.name}
                    {user.id === currentUserId ? ' (вы)' : ''}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </TableTh>
                <TableTd miw={180}>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light" size="sm">
                        {roleLabels[role]}
                      </Badge>
                    ))}
                  </Group>
                </TableTd>
                <TableTd>
                  <Text size="sm" fw={600} className={user.active ? 'text-ok' : undefined}>
                    {user.active ? 'активен' : 'отключён'}
                  </Text>
                  {user.active && user.activeSessions > 0 ? (
                    <Text size="xs" c="dimmed">
                      сеансов: {user.activeSessions}
                    </Text>
                  ) : null}
                </TableTd>
                <TableTd className="num">
                  <Text size="sm">{user.lastSignInAt ? formatOmskDateTime(user.lastSignInAt, 'ru') : 'не входил(а)'}</Text>
                </TableTd>
                <TableTd>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(user)} aria-label={`Изменить роли: ${user.email}`}>
                      Роли
                    </Button>
                    {user.id === currentUserId ? null : (
                      <Button
                        size="xs"
                        variant="default"
                        color={user.active ? 'red' : undefined}
                        onClick={() => setToggling(user)}
                        aria-label={`${user.active ? 'Отключить' : 'Включить'}: ${user.email}`}
                      >
                        {user.active ? 'Отключить' : 'Включить'}
                      </Button>
                    )}
                  </Group>
                </TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      <CreateStaffModal opened={creating} onClose={() => setCreating(false)} />
      {editing ? <EditRolesModal key={editing.id} user={editing} onClose={() => setEditing(null)} /> : null}
      {toggling ? <ToggleActiveModal key={toggling.id} user={toggling} onClose={() => setToggling(null)} /> : null}
    </Stack>
  );
};
