// Placeholder until the email sign-in lands (next commit).
import { Center, Text, Title } from '@mantine/core';

const SignInPage = () => (
  <Center component="main" id="main" tabIndex={-1} mih="70vh" p="md">
    <div>
      <Title order={1}>Вход в консоль</Title>
      <Text>Вход по ссылке из письма скоро появится.</Text>
    </div>
  </Center>
);

export default SignInPage;
