// Sign-in: the member of staff types their work email and gets a one-time link.
import { Alert, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '~/components/sign-in/sign-in-form';
import { SignInFrame } from '~/components/sign-in/sign-in-frame';
import { getCurrentStaff } from '~/server/auth/guard';

export const metadata: Metadata = { title: 'Вход' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<{ callbackUrl?: string | string[]; signedOut?: string }>;

const SignInPage = async ({ searchParams }: { searchParams: SearchParams }) => {
  const { callbackUrl, signedOut } = await searchParams;
  if (await getCurrentStaff()) redirect('/');
  const target = typeof callbackUrl === 'string' && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <SignInFrame title="Вход в консоль">
      {signedOut ? (
        <Alert color="green" variant="light" role="status">
          Вы вышли из консоли.
        </Alert>
      ) : null}
      <Text>Консоль для сотрудников: отдела сбыта, операторов и администраторов.</Text>
      <SignInForm callbackUrl={target} />
    </SignInFrame>
  );
};

export default SignInPage;
