// /payments/<id>: the payment's whole story for a clerk — lines, status and reason, the receipt,
// the acquirer's live view, the ledger, the emails, the Temporal timeline, claims and audit rows.
import { Alert, Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, Title } from '@mantine/core';
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { AcquirerPanel } from '~/components/payments/acquirer-panel';
import { AnchorLink } from '~/components/payments/anchor-link';
import { formatPeriod } from '@voltpay/domain/period';
import { ReasonText } from '~/components/operations/reason-text';
import { AuditTable } from '~/components/payments/audit-table';
import { EmailsPanel } from '~/components/payments/emails-panel';
import { claimResolutionLabels, claimStatusLabels, lineKindLabels, omskDateTime, roubles } from '~/components/payments/format';
import { LedgerPanel } from '~/components/payments/ledger-panel';
import { OperatorActions } from '~/components/payments/operator-action-buttons';
import { ReadingsPanel } from '~/components/payments/readings-panel';
import { PaymentStatusBadge } from '~/components/payments/status-badge';
import type { StoryFacts } from '~/components/payments/payment-story';
import { TimelinePanel } from '~/components/payments/timeline-panel';
import { requireStaff } from '~/server/auth/guard';
import { refundStatusText } from '~/server/operations/refund-payment';
import { api } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Платёж' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Paper withBorder p="md" component="section" aria-labelledby={id}>
    <Title order={2} size="h3" id={id} mb="sm">
      {title}
    </Title>
    {children}
  </Paper>
);

const Waiting = ({ what }: { what: string }) => (
  <Group gap="xs" role="status">
    <Loader size="sm" aria-hidden />
    <Text>{what}</Text>
  </Group>
);

const AcquirerSection = async ({ paymentId, totalKopecks }: { paymentId: string; totalKopecks: number }) => (
  <AcquirerPanel view={await api.payments.getPaymentAcquirerView({ paymentId })} recordedTotalKopecks={totalKopecks} />
);

const TimelineSection = async ({ paymentId, facts, engineering }: { paymentId: string; facts: StoryFacts; engineering: boolean }) => (
  <TimelinePanel timeline={await api.payments.getPaymentTimeline({ paymentId })} facts={facts} engineering={engineering} />
);

/** The refund workflow `refund-<id>` as it is now; Temporal not answering is said, not thrown. */
const RefundSection = async ({ paymentId, refunded }: { paymentId: string; refunded: boolean }) => {
  const refund = await api.operations.getPaymentRefund({ paymentId }).catch(() => null);
  if (!refund) return <Text>Temporal не ответил: состояние возврата сейчас неизвестно.</Text>;
  switch (refund.kind) {
    case 'NONE':
      // A payment refunded while parked was refunded by its own workflow (the queue's refund), not by refund-<id>.
      return (
        <Text data-testid="refund-state" data-kind="NONE">
          {refunded ? 'Возвращён процессом самого платежа (возврат из очереди оператора): подробности — в истории процесса ниже.' : 'Возврата не было.'}
        </Text>
      );
    case 'RUNNING':
      return (
        <Text data-testid="refund-state" data-kind="RUNNING">
          Возврат выполняется{refund.state ? `: ${refundStatusText(refund.state.status)} (запросил ${refund.state.actor})` : ''}. Обновите страницу позже.
        </Text>
      );
    case 'DONE':
      return (
        <Stack gap={4} data-testid="refund-state" data-kind="DONE">
          <Text>
            {refund.state.status === 'ALREADY_REFUNDED' ? 'Платёж уже был возвращён раньше.' : 'Деньги возвращены на карту, проводка сторнирована.'}
            {refund.state.amountKopecks !== null ? ` Сумма: ${roubles(refund.state.amountKopecks)}.` : ''}
          </Text>
          <Text size="sm">
            Запросил {refund.state.actor}
            {refund.state.finishedAt ? `, завершён ${omskDateTime(refund.state.finishedAt)} (Омск)` : ''}. Причина: {refund.state.reason}
          </Text>
        </Stack>
      );
    case 'FAILED':
      return (
        <Text c="red.9" data-testid="refund-state" data-kind="FAILED">
          Последняя попытка возврата не удалась: {refund.message}
        </Text>
      );
    default: {
      const unknown: never = refund;
      return unknown;
    }
  }
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text component="div">{children}</Text>
  </div>
);

const PaymentPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const staff = await requireStaff('sales', 'operator', 'admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const data = await api.payments.getPayment({ paymentId: id.toLowerCase() }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { payment, account, lines, receipt, ledger, emails, claims, audit, temporalUiUrl } = data;
  const isSales = staff.roles.includes('sales');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Платёж {roubles(payment.totalKopecks)}</Title>
          <Text c="dimmed" size="sm" className="num">
            {payment.id}
          </Text>
        </div>
        <Group gap="md">
          {isSales ? (
            <AnchorLink
              href={`/claims/new?${new URLSearchParams({ paymentId: payment.id, ...(receipt ? { receiptNumber: receipt.number, receiptCode: receipt.verificationCode } : {}) }).toString()}`}
            >
              Открыть претензию
            </AnchorLink>
          ) : null}
          {temporalUiUrl ? (
            <Anchor href={temporalUiUrl} target="_blank" rel="noreferrer">
              Открыть в Temporal UI
            </Anchor>
          ) : null}
        </Group>
      </Group>

      <Paper withBorder p="md" component="section" aria-label="Сводка">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Fact label="Статус">
            <Group gap="xs">
              <PaymentStatusBadge status={payment.status} />
            </Group>
            {payment.statusReason ? (
              <ReasonText
                raw={payment.statusReason}
                status={payment.status}
                stage={payment.statusReason.startsWith('DELIVERY') ? 'DELIVERY' : payment.status === 'NEEDS_ATTENTION' ? 'POSTING' : null}
                testId="status-reason"
              />
            ) : null}
          </Fact>
          <Fact label="Лицевой счёт">
            <span className="num">{account.number}</span>
            <Text size="sm">
              {account.settlementName}, {account.address}
            </Text>
          </Fact>
          <Fact label="Период">{formatPeriod(payment.period, 'ru')}</Fact>
          <Fact label="Карта">{payment.cardLast4 ? `•• ${payment.cardLast4}` : '—'}</Fact>
          <Fact label="Создан (Омск)">{omskDateTime(payment.createdAt, { seconds: true })}</Fact>
          <Fact label="Завершён (Омск)">{payment.completedAt ? omskDateTime(payment.completedAt, { seconds: true }) : '—'}</Fact>
          <Fact label="Почта для квитанции">{payment.receiptEmail ?? '—'}</Fact>
          <Fact label="Оферта">
            версия {payment.termsVersion}, принята {omskDateTime(payment.termsAcceptedAt)}
          </Fact>
        </SimpleGrid>
      </Paper>

      <OperatorActions
        paymentId={payment.id}
        status={payment.status}
        statusReason={payment.statusReason}
        staffRoles={staff.roles}
        receiptEmail={payment.receiptEmail}
        totalKopecks={payment.totalKopecks}
        cardLast4={payment.cardLast4}
      />

      {payment.status === 'COMPLETED' || payment.status === 'REFUNDED' ? (
        <Section id="refund-title" title="Возврат на карту">
          <Suspense fallback={<Waiting what="Спрашиваем Temporal о возврате…" />}>
            <RefundSection paymentId={payment.id} refunded={payment.status === 'REFUNDED'} />
          </Suspense>
        </Section>
      ) : null}

      <Section id="lines-title" title="Строки платежа">
        <Table withTableBorder verticalSpacing={4} data-testid="payment-lines">
          <TableThead>
            <TableTr>
              <TableTh>Строка</TableTh>
              <TableTh ta="right">кВт·ч</TableTh>
              <TableTh ta="right">Сумма</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {lines.map((line) => (
              <TableTr key={line.kind}>
                <TableTd>{lineKindLabels[line.kind]}</TableTd>
                <TableTd className="num" ta="right">
                  {line.kwh ?? ''}
                </TableTd>
                <TableTd className="num" ta="right">
                  {roubles(line.amountKopecks)}
                </TableTd>
              </TableTr>
            ))}
            <TableTr>
              <TableTh colSpan={2}>Итого</TableTh>
              <TableTd className="num" ta="right" fw={700}>
                {roubles(payment.totalKopecks)}
              </TableTd>
            </TableTr>
          </TableTbody>
        </Table>
      </Section>

      <Section id="readings-title" title="Показания счётчика">
        <ReadingsPanel
          paymentId={payment.id}
          readings={await api.payments.getPaymentReadings({ paymentId: payment.id })}
          canApprove={staff.roles.includes('operator') || staff.roles.includes('admin')}
        />
      </Section>

      <Section id="receipt-title" title="Квитанция">
        {receipt ? (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" data-testid="receipt">
            <Fact label="Номер">
              <span className="num">{receipt.number}</span>
            </Fact>
            <Fact label="Код проверки">
              <span className="num">{receipt.verificationCode}</span>
            </Fact>
            <Fact label="Выдана (Омск)">{omskDateTime(receipt.issuedAt, { seconds: true })}</Fact>
            <Fact label="Документ">
              <Group gap="md">
                <Anchor href={receipt.pdfUrl} target="_blank" rel="noreferrer">
                  PDF квитанции
                </Anchor>
                <AnchorLink href={`/receipts/check?${new URLSearchParams({ number: receipt.number, code: receipt.verificationCode }).toString()}`}>
                  Проверить
                </AnchorLink>
              </Group>
            </Fact>
          </SimpleGrid>
        ) : (
          <Text>Квитанция не выдана.</Text>
        )}
      </Section>

      <Section id="acquirer-title" title="Что говорит банк (запрос сейчас)">
        <Suspense fallback={<Waiting what="Спрашиваем банк-эквайер…" />}>
          <AcquirerSection paymentId={payment.id} totalKopecks={payment.totalKopecks} />
        </Suspense>
      </Section>

      <Section id="ledger-title" title="Проводки в учёте">
        <LedgerPanel ledger={ledger} accountNumber={account.number} />
      </Section>

      <Section id="emails-title" title="Письма">
        <EmailsPanel emails={emails} receiptEmail={payment.receiptEmail} />
      </Section>

      <Section id="timeline-title" title="Как шёл платёж">
        <Suspense fallback={<Waiting what="Читаем историю из Temporal…" />}>
          <TimelineSection
            paymentId={payment.id}
            facts={{
              totalKopecks: payment.totalKopecks,
              cardLast4: payment.cardLast4,
              receiptNumber: receipt?.number ?? null,
              emails: emails
                .filter((email) => email.status !== 'FAILED')
                .map((email) => ({ at: email.sentAt ?? email.createdAt, sent: email.status === 'SENT' })),
            }}
            engineering={staff.roles.some((role) => role === 'operator' || role === 'admin')}
          />
        </Suspense>
      </Section>

      <Section id="claims-title" title="Претензии">
        {claims.length === 0 ? (
          <Text>Претензий по платежу нет.</Text>
        ) : (
          <Stack gap={4}>
            {claims.map((claim) => (
              <Text key={claim.id}>
                <AnchorLink href={`/claims/${claim.id}`}>Претензия № {claim.number}</AnchorLink> от {omskDateTime(claim.createdAt)}, {claim.residentName} —{' '}
                {claimStatusLabels[claim.status]}
                {claim.resolution ? `: ${claimResolutionLabels[claim.resolution]}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Section>

      <Section id="audit-title" title="Журнал действий по платежу">
        <AuditTable rows={audit} />
      </Section>

      {!ledger.balanced ? (
        <Alert variant="outline" color="red.9">
          Проводки не сбалансированы.
        </Alert>
      ) : null}
    </Stack>
  );
};

export default PaymentPage;
