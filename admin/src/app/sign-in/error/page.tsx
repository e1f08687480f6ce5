// Where next-auth sends a failed sign-in: a used or expired link, a deactivated account, a fault.
import { Anchor, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { SignInFrame } from '~/components/sign-in/sign-in-frame';

export const metadata: Metadata = { title: 'Не удалось войти' };

type SearchParams = Promise<{ error?: string | string[] }>;

const messages: Record<string, string> = {
  Verification: 'Ссылка для входа уже использована или устарела. Запросите новую.',
  AccessDenied: 'Вход с этой учётной записью закрыт. Обратитесь к администратору консоли.',
};
const fallback = 'Войти не получилось из-за ошибки на нашей стороне. Попробуйте ещё раз; если не выходит, сообщите администратору.';

const SignInErrorPage = async ({ searchParams }: { searchParams: SearchParams }) => {
  const { error } = await searchParams;
  const message = (typeof error === 'string' && messages[error]) || fallback;
  return (
    <SignInFrame title="Не удалось войти">
      <Text role="alert">{message}</Text>
      <Anchor href="/sign-in">Запросить новую ссылку</Anchor>
    </SignInFrame>
  );
};

export default SignInErrorPage;
