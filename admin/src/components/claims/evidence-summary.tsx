// The evidence frozen into a resolved claim (server/payments/collect-evidence.ts), summarised for
// the claim page and the printed resolution — which a resident may be handed, so it reads as a
// letter: the payment's story in words, never status codes, step counts or raw errors. Read leniently: it is stored JSON, and an older
// snapshot missing a part still prints the rest.
import { List, ListItem, Stack, Text } from '@mantine/core';
import { z } from 'zod';
import { acquirerStatusLabels, emailStatusLabels, omskDateTime, paymentStatusLabels, roubles } from '../payments/format';
import type { PaymentStatus } from '@voltpay/domain';
import { formatPeriod } from '@voltpay/domain/period';
import { explainReason } from '~/server/operations/labels';
import { paymentStory } from '../payments/payment-story';

const ZEvidence = z.object({
  collectedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
  payment: z
    .object({
      id: z.string(),
      status: z.string(),
      statusReason: z.string().nullable().optional(),
      totalKopecks: z.number().int(),
      period: z.string(),
      cardLast4: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  account: z.object({ number: z.string(), settlementName: z.string().optional() }).optional(),
  receipt: z.object({ number: z.string(), issuedAt: z.string() }).nullable().optional(),
  acquirer: z
    .object({ kind: z.string(), message: z.string().optional(), order: z.object({ status: z.string(), amountKopecks: z.number().int() }).optional() })
    .optional(),
  ledger: z
    .object({
      postings: z.array(z.object({ kind: z.string(), totalKopecks: z.number().int(), postedAt: z.string(), balanced: z.boolean() })),
      posted: z.boolean(),
      refunded: z.boolean(),
    })
    .optional(),
  emails: z.array(z.object({ to: z.string(), subject: z.string(), status: z.string(), createdAt: z.string() })).optional(),
  timeline: z
    .object({
      kind: z.string(),
      steps: z.array(z.object({ at: z.string(), kind: z.string(), name: z.string(), outcome: z.string(), detail: z.string().nullable() })).optional(),
    })
    .optional(),
});

const acquirerText = (acquirer: z.infer<typeof ZEvidence>['acquirer']) => {
  if (!acquirer) return 'не запрашивался';
  if (acquirer.kind === 'OK' && acquirer.order)
    return `${acquirerStatusLabels[acquirer.order.status] ?? acquirer.order.status}, ${roubles(acquirer.order.amountKopecks)}`;
  if (acquirer.kind === 'NO_ORDER') return 'заказ не создавался';
  return 'не ответил при проверке';
};

export const EvidenceSummary = ({ evidence }: { evidence: unknown }) => {
  const parsed = ZEvidence.safeParse(evidence);
  if (!parsed.success) return <Text>Сведения сохранены в формате, который эта страница не читает.</Text>;
  const e = parsed.data;
  if (!e.payment) return <Text>Претензия не была связана с платежом: сведений о платеже нет.</Text>;
  const story = paymentStory(
    (e.timeline?.steps ?? []).map((step) => ({ ...step, at: new Date(step.at) })),
    {
      totalKopecks: e.payment.totalKopecks,
      cardLast4: e.payment.cardLast4 ?? null,
      receiptNumber: e.receipt?.number ?? null,
      emails: (e.emails ?? []).filter((m) => m.status !== 'FAILED').map((m) => ({ at: new Date(m.createdAt), sent: m.status === 'SENT' })),
    },
  );
  return (
    <Stack gap={6} data-testid="evidence">
      {e.collectedAt ? <Text size="sm">Сведения собраны {omskDateTime(e.collectedAt, { seconds: true })} (Омск).</Text> : null}
      <List spacing={4} size="sm">
        <ListItem>
          Платёж {roubles(e.payment.totalKopecks)} за {formatPeriod(e.payment.period, 'ru')}, лицевой счёт {e.account?.number ?? '—'}:{' '}
          {paymentStatusLabels[e.payment.status as keyof typeof paymentStatusLabels] ?? e.payment.status}
          {e.payment.statusReason && !['COMPLETED', 'REFUNDED'].includes(e.payment.status)
            ? ` (${explainReason(e.payment.statusReason, { status: e.payment.status as PaymentStatus })
                .meaning.replace(/\.$/, '')
                .toLowerCase()})`
            : ''}
          .
        </ListItem>
        <ListItem>Квитанция: {e.receipt ? `№ ${e.receipt.number} от ${omskDateTime(e.receipt.issuedAt)}` : 'не выдана'}.</ListItem>
        <ListItem>Банк-эквайер: {acquirerText(e.acquirer)}.</ListItem>
        <ListItem>
          На лицевом счёте:{' '}
          {e.ledger && e.ledger.postings.length > 0
            ? e.ledger.postings
                .map(
                  (p) =>
                    `${p.kind === 'PAYMENT' ? 'зачислено' : 'списано при возврате'} ${roubles(p.totalKopecks)} ${omskDateTime(p.postedAt)}${p.balanced ? '' : ' (запись требует проверки бухгалтерией)'}`,
                )
                .join('; ')
            : 'не зачислялось'}
          .
        </ListItem>
        <ListItem>
          Письма:{' '}
          {e.emails && e.emails.length > 0
            ? e.emails
                .map((m) => `${m.to} — ${emailStatusLabels[m.status as keyof typeof emailStatusLabels] ?? m.status}, ${omskDateTime(m.createdAt)}`)
                .join('; ')
            : 'не отправлялись'}
          .
        </ListItem>
        {story.length > 0 ? (
          <ListItem>
            Как шёл платёж (время омское):{' '}
            {story.map((entry) => `${omskDateTime(entry.at)} ${entry.text.charAt(0).toLowerCase()}${entry.text.slice(1)}`).join(' → ')}.
          </ListItem>
        ) : (
          <ListItem>История платежа: {e.timeline?.kind === 'OK' ? 'без событий' : 'не была доступна при проверке'}.</ListItem>
        )}
      </List>
    </Stack>
  );
};
