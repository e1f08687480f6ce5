// /claims/<id>: the claim, its payment, notes, the way to resolve it, and its audit trail.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ClaimActions } from '~/components/claims/claim-actions';
import { ClaimNoteForm } from '~/components/claims/claim-note-form';
import { EvidenceSummary } from '~/components/claims/evidence-summary';
import { AnchorLink } from '~/components/payments/anchor-link';
import { ReasonText } from '~/components/operations/reason-text';
import { AuditTable } from '~/components/payments/audit-table';
import { claimResolutionLabels, claimStatusColors, claimStatusLabels, omskDateTime, roubles } from '~/components/payments/format';
import { OperatorActions } from '~/components/payments/operator-action-buttons';
import { PaymentStatusBadge } from '~/components/payments/status-badge';
import { requireStaff } from '~/server/auth/guard';
import { api } from '~/trpc/server';
import { formatPeriod } from '@voltpay/domain/period';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Претензия' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Paper withBorder p="md" component="section" aria-labelledby={id}>
    <Title order={2} size="h3" id={id} mb="sm">
      {title}
    </Title>
    {children}
  </Paper>
);

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text component="div">{children}</Text>
  </div>
);

const ClaimPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const staff = await requireStaff('sales', 'admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const { claim, notes, payment, ledger, audit } = await api.claims.getClaim({ claimId: id.toLowerCase() }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const isSales = staff.roles.includes('sales');
  // An operator has the buttons right here (OperatorActions below); others send the operator to the payment.
  const where = staff.roles.includes('operator') ? 'ниже или на странице платежа' : 'на странице платежа';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={1}>Претензия № {claim.number}</Title>
          <Badge
            tt="none"
            styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
            color={claimStatusColors[claim.status]}
            variant="filled"
            size="lg"
            data-testid="claim-status"
          >
            {claimStatusLabels[claim.status]}
          </Badge>
        </Group>
        {claim.status === 'RESOLVED' ? <AnchorLink href={`/claims/${claim.id}/print`}>Печатная форма решения</AnchorLink> : null}
      </Group>

      <Paper withBorder p="md" component="section" aria-label="Заявитель и суть">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label="Заявитель">{claim.residentName}</Fact>
          <Fact label="Связь">{claim.residentContact ?? '—'}</Fact>
          <Fact label="Открыта (Омск)">
            {omskDateTime(claim.createdAt)}, {claim.openedBy.name}
          </Fact>
          <Fact label="Квитанция">
            {claim.receiptNumber ?? '—'}
            {claim.receiptGenuine === true
              ? ' — подлинная'
              : claim.receiptGenuine === false
                ? ' — код не совпал (поддельная или исправленная)'
                : claim.receiptNumber
                  ? ' — код не проверялся'
                  : ''}
          </Fact>
          <Fact label="Ведёт">{claim.assignee?.name ?? '—'}</Fact>
        </SimpleGrid>
        <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {claim.description}
        </Text>
      </Paper>

      <Section id="payment-title" title="Платёж">
        {payment ? (
          <Stack gap="xs">
            <Group gap="sm">
              <AnchorLink href={`/payments/${payment.id}`}>
                {roubles(payment.totalKopecks)} за {formatPeriod(payment.period, 'ru')}, л/с {payment.accountNumber}
              </AnchorLink>
              <PaymentStatusBadge status={payment.status} />
            </Group>
            {payment.statusReason ? <ReasonText raw={payment.statusReason} status={payment.status} /> : null}
            <Text size="sm">
              В учёте: {ledger?.refunded ? 'возвращён (есть сторно)' : ledger?.posted ? 'зачислен на лицевой счёт' : 'не проведён'}.
              {ledger?.refunded
                ? ''
                : ledger?.posted
                  ? ` Чтобы решить претензию возвратом, сначала оператор возвращает деньги («Вернуть деньги» ${where}).`
                  : ` Провести или вернуть платёж может оператор ${where}.`}
            </Text>
            {claim.status !== 'RESOLVED' ? (
              <OperatorActions
                paymentId={payment.id}
                status={payment.status}
                statusReason={payment.statusReason}
                staffRoles={staff.roles}
                receiptEmail={payment.receiptEmail}
                totalKopecks={payment.totalKopecks}
                cardLast4={payment.cardLast4}
              />
            ) : null}
          </Stack>
        ) : (
          <Text>Платёж не найден или не указан{claim.receiptNumber ? ` (квитанция ${claim.receiptNumber})` : ''}. Найдите его в поиске платежей.</Text>
        )}
      </Section>

      {claim.status === 'RESOLVED' ? (
        <Section id="resolution-title" title="Решение">
          <Stack gap="xs">
            <Text fw={700} data-testid="claim-resolution">
              {claim.resolution ? claimResolutionLabels[claim.resolution] : ''}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{claim.resolutionNote}</Text>
            <Text size="sm">
              {claim.resolvedBy?.name ?? '—'}, {claim.resolvedAt ? omskDateTime(claim.resolvedAt) : ''} (Омск)
            </Text>
            <Title order={3} size="h4" mt="sm">
              Сведения на момент решения
            </Title>
            <EvidenceSummary evidence={claim.evidence} />
          </Stack>
        </Section>
      ) : isSales ? (
        <Section id="actions-title" title="Работа с претензией">
          <ClaimActions claimId={claim.id} status={claim.status} ledger={ledger} />
        </Section>
      ) : null}

      <Section id="notes-title" title="Заметки">
        <Stack gap="md">
          {notes.length === 0 ? (
            <Text>Заметок нет.</Text>
          ) : (
            <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="claim-notes">
              {notes.map((note) => (
                <li key={note.id}>
                  <Text size="sm" c="dimmed">
                    {omskDateTime(note.createdAt)} — {note.author.name}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
                </li>
              ))}
            </Stack>
          )}
          {isSales ? <ClaimNoteForm claimId={claim.id} /> : null}
        </Stack>
      </Section>

      <Section id="claim-audit-title" title="Журнал действий по претензии">
        <AuditTable rows={audit} />
      </Section>
    </Stack>
  );
};

export default ClaimPage;
