// The payment's story: a few lines in the clerk's words first; the engineering log from Temporal
// (each step with its time, kind and outcome) one click away for operators and admins.
import { Alert, Badge, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { explainReason } from '~/server/operations/labels';
import type { TGetPaymentTimelineResponse } from '~/server/api/routers/payments/get-payment-timeline.types';
import { countOf, omskDateTime, paymentStatusLabels, timelineKindLabels, timelineOutcomeLabels } from './format';
import { paymentStory, type StoryFacts } from './payment-story';

const outcomeColor = (outcome: string) =>
  outcome === 'FAILED' || outcome === 'TIMED_OUT' || outcome === 'REJECTED' || outcome === 'TERMINATED' ? 'red.9' : 'gray.7';

export const TimelinePanel = ({ timeline, facts, engineering }: { timeline: TGetPaymentTimelineResponse; facts: StoryFacts; engineering: boolean }) => {
  if (timeline.kind === 'NOT_FOUND') return <Text>В Temporal нет истории этого платежа (она могла быть удалена по сроку хранения).</Text>;
  if (timeline.kind === 'UNAVAILABLE')
    return (
      <Alert color="dark.5" variant="outline" title="Temporal сейчас не отвечает">
        {timeline.message}
      </Alert>
    );
  return (
    <>
      {timeline.state ? (
        <Text mb="xs">
          Процесс сейчас: <strong>{paymentStatusLabels[timeline.state.status]}</strong>
          {timeline.state.attention
            ? ` — ${explainReason(timeline.state.attention.error, { status: 'NEEDS_ATTENTION', stage: timeline.state.attention.stage }).meaning}`
            : ''}
        </Text>
      ) : (
        <Alert color="dark.5" variant="outline" mb="xs" title="Текущее состояние процесса недоступно">
          {timeline.stateError}
        </Alert>
      )}
      <ol className="payment-story" data-testid="payment-story">
        {paymentStory(timeline.steps, facts).map((entry, index) => (
          <li key={`${entry.at.getTime()}-${index}`}>
            <Text span size="sm" c="dimmed" className="num">
              {omskDateTime(entry.at)}
            </Text>{' '}
            {/* Weight, not colour, marks what waits or went wrong: plain text keeps its contrast. */}
            <Text span size="sm" fw={entry.tone === 'done' ? undefined : 700} data-tone={entry.tone}>
              {entry.text}
            </Text>
          </li>
        ))}
      </ol>
      {engineering ? (
        <details data-testid="payment-engineering-log">
          <summary>
            <Text span size="sm">
              Подробная история процесса ({countOf(timeline.steps.length, ['шаг', 'шага', 'шагов'])}, для операторов)
            </Text>
          </summary>
          <TableScrollContainer minWidth={700} type="native" tabIndex={0}>
            <Table striped verticalSpacing={4} data-testid="payment-timeline">
              <TableThead>
                <TableTr>
                  <TableTh>Время (Омск)</TableTh>
                  <TableTh>Что</TableTh>
                  <TableTh>Название</TableTh>
                  <TableTh>Итог</TableTh>
                  <TableTh>Подробности</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {timeline.steps.map((step, index) => (
                  <TableTr key={`${step.eventId ?? 's'}-${index}`} data-kind={step.kind} data-name={step.name} data-outcome={step.outcome}>
                    <TableTd className="num">{omskDateTime(step.at, { seconds: true })}</TableTd>
                    <TableTd>{timelineKindLabels[step.kind] ?? step.kind}</TableTd>
                    <TableTd>
                      <code>{step.name}</code>
                    </TableTd>
                    <TableTd>
                      <Badge
                        tt="none"
                        styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
                        color={outcomeColor(step.outcome)}
                        variant="filled"
                        size="sm"
                      >
                        {timelineOutcomeLabels[step.outcome] ?? step.outcome}
                      </Badge>
                    </TableTd>
                    <TableTd>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {step.detail ?? ''}
                      </Text>
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        </details>
      ) : null}
    </>
  );
};
