// /claims/<id>/print: the claim's resolution as a document to print and hand to the resident:
// claim number, resident, payment, the evidence summary, the resolution, who resolved it and when.
// Print CSS drops the console's frame so only the document is on paper.
import { Divider, Stack, Table, TableTbody, TableTd, TableTh, TableTr, Text, Title } from '@mantine/core';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatPeriod } from '@voltpay/domain/period';
import { EvidenceSummary } from '~/components/claims/evidence-summary';
import { PrintButton } from '~/components/claims/print-button';
import { AnchorLink } from '~/components/payments/anchor-link';
import { claimResolutionLabels, omskDateTime, paymentStatusLabels, roubles } from '~/components/payments/format';
import { requireStaff } from '~/server/auth/guard';
import { api } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Решение по претензии' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Mantine's AppShell class names are stable (`mantine-AppShell-*`); on paper only the document stays.
const PRINT_CSS = `
@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .skip-link, .no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; min-height: 0 !important; }
  body { background: #fff; color: #000; font-size: 11pt; }
  .resolution-document { max-width: none; }
  @page { size: A4; margin: 18mm 16mm; }
}
.resolution-document { max-width: 52rem; }
`;

const ClaimPrintPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  await requireStaff('sales', 'admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { claim, payment } = await api.claims.getClaim({ claimId: id.toLowerCase() }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });

  return (
    <article className="resolution-document" aria-labelledby="doc-title" data-testid="resolution-document">
      <style>{PRINT_CSS}</style>
      <Stack gap="md">
        <Stack gap={4} className="no-print">
          <AnchorLink href={`/claims/${claim.id}`}>← К претензии</AnchorLink>
          <div>
            <PrintButton />
          </div>
        </Stack>
        <Text size="sm">Voltpay — отдел сбыта электроэнергии, г. Омск</Text>
        <Title order={1} id="doc-title" size="h2">
          Решение по претензии № {claim.number} «деньги не поступили»
        </Title>
        {claim.status !== 'RESOLVED' ? (
          <Text fw={700} c="red.9">
            Претензия ещё не решена: документ не окончательный.
          </Text>
        ) : null}
        <Table variant="vertical" withTableBorder layout="fixed">
          <TableTbody>
            <TableTr>
              <TableTh w="35%">Заявитель</TableTh>
              <TableTd>
                {claim.residentName}
                {claim.residentContact ? `, ${claim.residentContact}` : ''}
              </TableTd>
            </TableTr>
            <TableTr>
              <TableTh>Претензия принята</TableTh>
              <TableTd>
                {omskDateTime(claim.createdAt)} (Омск), {claim.openedBy.name}
              </TableTd>
            </TableTr>
            <TableTr>
              <TableTh>Суть обращения</TableTh>
              <TableTd style={{ whiteSpace: 'pre-wrap' }}>{claim.description}</TableTd>
            </TableTr>
            <TableTr>
              <TableTh>Квитанция</TableTh>
              <TableTd>
                {claim.receiptNumber ?? 'не предъявлена'}
                {claim.receiptGenuine === true
                  ? ' — подлинность подтверждена кодом проверки'
                  : claim.receiptGenuine === false
                    ? ' — код проверки не совпал'
                    : ''}
              </TableTd>
            </TableTr>
            <TableTr>
              <TableTh>Платёж</TableTh>
              <TableTd>
                {payment
                  ? `${roubles(payment.totalKopecks)} за ${formatPeriod(payment.period, 'ru')}, лицевой счёт ${payment.accountNumber}, карта ${payment.cardLast4 ? `•• ${payment.cardLast4}` : '—'}, от ${omskDateTime(payment.createdAt)}; сейчас: ${paymentStatusLabels[payment.status]}`
                  : 'не найден'}
              </TableTd>
            </TableTr>
          </TableTbody>
        </Table>

        <Title order={2} size="h4">
          Проверенные сведения
        </Title>
        {claim.evidence ? <EvidenceSummary evidence={claim.evidence} /> : <Text>Сведения будут сохранены при решении.</Text>}

        <Title order={2} size="h4">
          Решение
        </Title>
        <Text fw={700} data-testid="print-resolution">
          {claim.resolution ? claimResolutionLabels[claim.resolution] : '—'}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{claim.resolutionNote ?? ''}</Text>

        <Divider />
        <Text>
          Решение принял(а): {claim.resolvedBy ? `${claim.resolvedBy.name} (${claim.resolvedBy.email})` : '—'}
          <br />
          Дата и время: {claim.resolvedAt ? `${omskDateTime(claim.resolvedAt)} (Омск)` : '—'}
        </Text>
        <Text mt="lg">Подпись: ____________________</Text>
      </Stack>
    </article>
  );
};

export default ClaimPrintPage;
