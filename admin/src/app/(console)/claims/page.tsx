// /claims: "money not received" claims, newest first, filtered by status, a page at a time.
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '~/components/payments/anchor-link';
import { claimResolutionLabels, claimStatusColors, claimStatusLabels, csvLinkText, omskDateTime } from '~/components/payments/format';
import { Pager } from '~/components/payments/pager';
import { hrefWith, intParam, param, type SearchParams } from '~/components/payments/search-params';
import { ZFindClaimsRequest } from '~/server/api/routers/claims/find-claims.types';
import { CLAIM_STATUSES } from '~/server/api/routers/claims/shared.types';
import { requireStaff } from '~/server/auth/guard';
import { EXPORT_LIMIT } from '~/server/export/csv';
import { api } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Претензии' };

const ClaimsPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  const staff = await requireStaff('sales', 'admin');
  const params = await searchParams;
  const parsed = ZFindClaimsRequest.safeParse({ status: param(params, 'status'), page: intParam(params, 'page'), pageSize: intParam(params, 'pageSize') });
  const request = parsed.success ? parsed.data : ZFindClaimsRequest.parse({});
  const result = await api.claims.findClaims(request);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Претензии</Title>
        {staff.roles.includes('sales') ? <AnchorLink href="/claims/new">Новая претензия</AnchorLink> : null}
      </Group>
      <Paper withBorder p="md">
        <form method="get" action="/claims" aria-label="Фильтр претензий">
          <Group align="flex-end" gap="sm">
            <NativeSelect
              name="status"
              label="Статус"
              defaultValue={request.status ?? ''}
              data={[{ value: '', label: 'Все' }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: claimStatusLabels[s] }))]}
            />
            <Button type="submit" variant="default">
              Показать
            </Button>
          </Group>
        </form>
      </Paper>
      {result.items.length === 0 ? (
        <Text>Претензий нет.</Text>
      ) : (
        <Stack gap="sm">
          <TableScrollContainer minWidth={800} type="native" tabIndex={0}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="claims">
              <TableThead>
                <TableTr>
                  <TableTh>№</TableTh>
                  <TableTh>Открыта (Омск)</TableTh>
                  <TableTh>Заявитель</TableTh>
                  <TableTh>Квитанция</TableTh>
                  <TableTh>Статус</TableTh>
                  <TableTh>Ведёт</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {result.items.map((claim) => (
                  <TableTr key={claim.id}>
                    <TableTd>
                      <AnchorLink href={`/claims/${claim.id}`}>№ {claim.number}</AnchorLink>
                    </TableTd>
                    <TableTd className="num">{omskDateTime(claim.createdAt)}</TableTd>
                    <TableTd>{claim.residentName}</TableTd>
                    <TableTd className="num">
                      {claim.receiptNumber ?? '—'}
                      {claim.receiptGenuine === true ? ' (подлинная)' : claim.receiptGenuine === false ? ' (не подтверждена)' : ''}
                    </TableTd>
                    <TableTd>
                      <Badge
                        tt="none"
                        styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
                        color={claimStatusColors[claim.status]}
                        variant="filled"
                      >
                        {claimStatusLabels[claim.status]}
                      </Badge>
                      {claim.resolution ? <Text size="xs">{claimResolutionLabels[claim.resolution]}</Text> : null}
                    </TableTd>
                    <TableTd>{claim.assigneeName ?? '—'}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
          <Pager path="/claims" params={params} page={result.page} pageSize={result.pageSize} total={result.total} />
          {result.total > 0 ? (
            <Anchor href={hrefWith('/claims/export', params, { page: undefined, pageSize: undefined })} download size="sm">
              {csvLinkText(result.total, EXPORT_LIMIT, ['строка', 'строки', 'строк'])}
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
};

export default ClaimsPage;
