// The evidence frozen into a resolved claim (server/payments/collect-evidence.ts), summarised for
// the claim page and the printed resolution. Read leniently: it is stored JSON, and an older
// snapshot missing a part still prints the rest.
import { List, ListItem, Stack, Text } from '@mantine/core';
import { z } from 'zod';
import { acquirerStatusLabels, emailStatusLabels, omskDateTime, paymentStatusLabels, roubles } from '../payments/format';
import { formatPeriod } from '@voltpay/domain/period';

const ZEvidence = z.object({
  collectedAt: z.string().optional(),
  resolvedBy: z.string().optional(),
  payment: z
    .object({ id: z.string(), status: z.string(), statusReason: z.string().nullable().optional(), totalKopecks: z.number().int(), period: z.string(), cardLast4: z.string().nullable().optional() })
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
    .object({ kind: z.string(), steps: z.array(z.object({ at: z.string(), kind: z.string(), name: z.string(), outcome: z.string(), detail: z.string().nullable() })).optional() })
    .optional(),
});

const acquirerText = (acquirer: z.infer<typeof ZEvidence>['acquirer']) => {
  if (!acquirer) return 'не запрашивался';
  if (acquirer.kind === 'OK' && acquirer.order) return `${acquirerStatusLabels[acquirer.order.status] ?? acquirer.order.status}, ${roubles(acquirer.order.amountKopecks)}`;
  if (acquirer.kind === 'NO_ORDER') return 'заказ не создавался';
  return `не ответил (${acquirer.message ?? acquirer.kind})`;
};

export const EvidenceSummary = ({ evidence }: { evidence: unknown }) => {
  const parsed = ZEvidence.safeParse(evidence);
  if (!parsed.success) return <Text>Сведения сохранены в формате, который эта страница не читает.</Text>;
  const e = parsed.data;
  if (!e.payment) return <Text>Претензия не была связана с платежом: сведений о платеже нет.</Text>;
  const stateSteps = (e.timeline?.steps ?? []).filter((s) => s.kind === 'STATE');
  return (
    <Stack gap={6} data-testid="evidence">
      {e.collectedAt ? <Text size="sm">Сведения собраны {omskDateTime(e.collectedAt, { seconds: true })} (Омск).</Text> : null}
      <List spacing={4} size="sm">
        <ListItem>
          Платёж {roubles(e.payment.totalKopecks)} за {formatPeriod(e.payment.period, 'ru')}, лицевой счёт {e.account?.number ?? '—'}: {paymentStatusLabels[e.payment.status as keyof typeof paymentStatusLabels] ?? e.payment.status}
          {e.payment.statusReason ? ` (${e.payment.statusReason})` : ''}.
        </ListItem>
        <ListItem>Квитанция: {e.receipt ? `№ ${e.receipt.number} от ${omskDateTime(e.receipt.issuedAt)}` : 'не выдана'}.</ListItem>
        <ListItem>Банк-эквайер: {acquirerText(e.acquirer)}.</ListItem>
        <ListItem>
          Проводки:{' '}
          {e.ledger && e.ledger.postings.length > 0
            ? e.ledger.postings
                .map((p) => `${p.kind === 'PAYMENT' ? 'зачисление' : 'возврат'} ${roubles(p.totalKopecks)} от ${omskDateTime(p.postedAt)}${p.balanced ? '' : ' (НЕ СБАЛАНСИРОВАНА)'}`)
                .join('; ')
            : 'нет'}
          .
        </ListItem>
        <ListItem>
          Письма:{' '}
          {e.emails && e.emails.length > 0
            ? e.emails.map((m) => `${m.to} — ${emailStatusLabels[m.status as keyof typeof emailStatusLabels] ?? m.status}, ${omskDateTime(m.createdAt)}`).join('; ')
            : 'не отправлялись'}
          .
        </ListItem>
        <ListItem>
          История процесса: {e.timeline?.kind === 'OK' ? `${e.timeline.steps?.length ?? 0} шагов` : 'недоступна'}
          {stateSteps.length > 0 ? `; статусы: ${stateSteps.map((s) => `${paymentStatusLabels[s.name as keyof typeof paymentStatusLabels] ?? s.name} ${omskDateTime(s.at)}`).join(' → ')}` : ''}.
        </ListItem>
      </List>
    </Stack>
  );
};
