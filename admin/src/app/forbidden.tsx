// What requireStaff(...) shows a member of staff who lacks the page's role (HTTP 403).
import { Button, Center, Stack, Text, Title } from '@mantine/core';

const Forbidden = () => (
  <Center component="main" id="main" tabIndex={-1} mih="70vh" p="md">
    <Stack align="center" gap="sm" maw={480} ta="center">
      <Text c="dimmed" fw={700}>
        403
      </Text>
      <Title order={1}>Нет доступа</Title>
      <Text>У вашей учётной записи нет роли, нужной для этого раздела. Если она нужна вам для работы, обратитесь к администратору консоли.</Text>
      <Button component="a" href="/">
        На главную консоли
      </Button>
    </Stack>
  </Center>
);

export default Forbidden;
