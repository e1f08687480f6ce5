// /claims/new?paymentId=&receiptNumber=&receiptCode=: opening a claim, from a receipt check or a
// payment page (which pass what they know), or from scratch.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { OpenClaimForm } from '~/components/claims/open-claim-form';
import { AnchorLink } from '~/components/payments/anchor-link';
import { param, type SearchParams } from '~/components/payments/search-params';
import { requireStaff } from '~/server/auth/guard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Новая претензия' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NewClaimPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  await requireStaff('sales');
  const params = await searchParams;
  const paymentId = param(params, 'paymentId');
  const linked = paymentId && UUID.test(paymentId) ? paymentId : undefined;
  return (
    <Stack gap="lg">
      <Title order={1}>Новая претензия «деньги не поступили»</Title>
      {linked ? (
        <Text>
          По платежу <AnchorLink href={`/payments/${linked}`}>{linked}</AnchorLink>.
        </Text>
      ) : null}
      <Paper withBorder p="md">
        <OpenClaimForm paymentId={linked} receiptNumber={param(params, 'receiptNumber')} receiptCode={param(params, 'receiptCode')} />
      </Paper>
    </Stack>
  );
};

export default NewClaimPage;
