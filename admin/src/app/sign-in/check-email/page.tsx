// Shown after every request for a link, whether or not the address belongs to a member of staff.
import { Anchor, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { SignInFrame } from '~/components/sign-in/sign-in-frame';
import { STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS } from '~/server/auth/config';

export const metadata: Metadata = { title: 'Проверьте почту' };

const CheckEmailPage = () => (
  <SignInFrame title="Проверьте почту">
    <Text role="status">Если этот адрес есть в списке сотрудников, на него отправлено письмо со ссылкой для входа.</Text>
    <Text>
      Ссылка действует {STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS / 60} минут и только один раз. Письма нет? Проверьте папку «Спам» и правильность адреса или
      обратитесь к администратору консоли.
    </Text>
    <Anchor href="/sign-in">Запросить ссылку ещё раз</Anchor>
  </SignInFrame>
);

export default CheckEmailPage;
