// A payment's reason as an operator reads it: what it means, what to do, and the raw text (an HTTP
// line, a database message) one click away for whoever digs further.
import { Code, Stack, Text } from '@mantine/core';
import type { AttentionStage } from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import { attentionStageText, explainReason } from '~/server/operations/labels';

export const ReasonText = ({ raw, status, stage, testId }: { raw: string; status?: PaymentStatus | null; stage?: AttentionStage | null; testId?: string }) => {
  const reason = explainReason(raw, { status: status ?? null, stage: stage ?? null });
  return (
    <Stack gap={2} data-testid={testId}>
      {stage ? (
        <Text size="xs" c="dimmed">
          Этап: {attentionStageText[stage]}
        </Text>
      ) : null}
      <Text size="sm" fw={600}>
        {reason.meaning}
      </Text>
      {reason.todo ? <Text size="sm">{reason.todo}</Text> : null}
      <details>
        <summary>
          <Text span size="xs">
            Подробности
          </Text>
        </summary>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {reason.raw}
        </Code>
      </details>
    </Stack>
  );
};
