// A payment's story as Temporal recorded it: the workflow's event history boiled down to the steps
// a clerk can follow (updates by name, signals, activities by type with their failures, timers),
// merged with the workflow's own record of its status changes (the getState query's timeline).
// Payloads stay encrypted: only names, times and failure messages (decrypted here) are read.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import proto, { type temporal } from '@temporalio/proto';
import { readPaymentState } from '@voltpay/stack/payment-status';
import { getStateQuery, paymentIdFromWorkflowId, type PaymentState } from '@voltpay/workflows/payment';

const { EventType } = proto.temporal.api.enums.v1;

export type TimelineStepKind = 'WORKFLOW' | 'UPDATE' | 'SIGNAL' | 'ACTIVITY' | 'TIMER' | 'STATE';
export type TimelineStepOutcome =
  'STARTED' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'CANCELLED' | 'TERMINATED' | 'ACCEPTED' | 'REJECTED' | 'SCHEDULED' | 'FIRED' | 'RECEIVED' | 'CHANGED';

export type TimelineStep = {
  at: Date;
  kind: TimelineStepKind;
  /** The update, signal, activity type or workflow type; the state event (a status) for STATE. */
  name: string;
  outcome: TimelineStepOutcome;
  detail: string | null;
  /** The history event, for finding it in the Temporal UI; null for STATE steps. */
  eventId: number | null;
};

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

// Longs (protobufjs) or numbers, depending on how the history was decoded.
type LongLike = number | { toString(): string };
const toNumber = (value: LongLike | null | undefined): number => (value === null || value === undefined ? 0 : Number(value.toString()));

const timestampMs = (ts: { seconds?: LongLike | null; nanos?: number | null } | null | undefined): number =>
  ts ? toNumber(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6) : 0;

const durationText = (duration: { seconds?: LongLike | null; nanos?: number | null } | null | undefined): string | null => {
  if (!duration) return null;
  const ms = toNumber(duration.seconds) * 1000 + Math.round((duration.nanos ?? 0) / 1e6);
  if (ms % 60_000 === 0) return `${ms / 60_000} мин`;
  if (ms % 1000 === 0) return `${ms / 1000} с`;
  return `${ms} мс`;
};

/** The history as steps, oldest first. Workflow tasks and markers are the engine's bookkeeping: left out. */
export const summariseHistory = (events: readonly HistoryEvent[]): TimelineStep[] => {
  const activities = new Map<number, string>();
  const attempts = new Map<number, number>();
  const updates = new Map<string, string>();
  const timers = new Map<string, string | null>();
  const steps: TimelineStep[] = [];

  for (const event of events) {
    const at = new Date(timestampMs(event.eventTime));
    const eventId = toNumber(event.eventId);
    const step = (kind: TimelineStepKind, name: string, outcome: TimelineStepOutcome, detail: string | null = null) =>
      steps.push({ at, kind, name, outcome, detail, eventId });

    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        step('WORKFLOW', event.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'workflow', 'STARTED');
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
        step('WORKFLOW', 'workflow', 'COMPLETED');
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
        step('WORKFLOW', 'workflow', 'FAILED', event.workflowExecutionFailedEventAttributes?.failure?.message ?? null);
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
        step('WORKFLOW', 'workflow', 'TIMED_OUT');
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
        step('WORKFLOW', 'workflow', 'CANCELLED');
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
        step('WORKFLOW', 'workflow', 'TERMINATED', event.workflowExecutionTerminatedEventAttributes?.reason ?? null);
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        step('WORKFLOW', 'workflow', 'COMPLETED', 'continued as new');
        break;
      // A failing workflow task (a bug, a non-determinism) stalls the payment: worth seeing.
      case EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
        step('WORKFLOW', 'workflow task', 'FAILED', event.workflowTaskFailedEventAttributes?.failure?.message ?? null);
        break;

      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const name = request?.input?.name ?? 'update';
        const updateId = request?.meta?.updateId ?? event.workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId;
        if (updateId) updates.set(updateId, name);
        step('UPDATE', name, 'ACCEPTED', request?.meta?.identity ? `от ${request.meta.identity}` : null);
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const attributes = event.workflowExecutionUpdateCompletedEventAttributes;
        const name = updates.get(attributes?.meta?.updateId ?? '') ?? 'update';
        const failure = attributes?.outcome?.failure;
        if (failure) step('UPDATE', name, 'FAILED', failure.message ?? null);
        else step('UPDATE', name, 'COMPLETED');
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED: {
        const attributes = event.workflowExecutionUpdateRejectedEventAttributes;
        step('UPDATE', attributes?.rejectedRequest?.input?.name ?? 'update', 'REJECTED', attributes?.failure?.message ?? null);
        break;
      }

      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: {
        const attributes = event.workflowExecutionSignaledEventAttributes;
        step('SIGNAL', attributes?.signalName ?? 'signal', 'RECEIVED', attributes?.identity ? `от ${attributes.identity}` : null);
        break;
      }

      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const name = event.activityTaskScheduledEventAttributes?.activityType?.name ?? 'activity';
        activities.set(eventId, name);
        step('ACTIVITY', name, 'SCHEDULED');
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
        // Written once, when the last attempt ends: it carries how many attempts there were.
        const attributes = event.activityTaskStartedEventAttributes;
        attempts.set(toNumber(attributes?.scheduledEventId), attributes?.attempt ?? 1);
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const scheduled = toNumber(event.activityTaskCompletedEventAttributes?.scheduledEventId);
        const attempt = attempts.get(scheduled) ?? 1;
        step('ACTIVITY', activities.get(scheduled) ?? 'activity', 'COMPLETED', attempt > 1 ? `попытка ${attempt}` : null);
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
        const attributes = event.activityTaskFailedEventAttributes;
        const scheduled = toNumber(attributes?.scheduledEventId);
        const attempt = attempts.get(scheduled) ?? 1;
        const message = attributes?.failure?.message ?? null;
        step('ACTIVITY', activities.get(scheduled) ?? 'activity', 'FAILED', [message, `попыток: ${attempt}`].filter(Boolean).join('; '));
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
        const attributes = event.activityTaskTimedOutEventAttributes;
        step('ACTIVITY', activities.get(toNumber(attributes?.scheduledEventId)) ?? 'activity', 'TIMED_OUT', attributes?.failure?.message ?? null);
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED:
        step('ACTIVITY', activities.get(toNumber(event.activityTaskCanceledEventAttributes?.scheduledEventId)) ?? 'activity', 'CANCELLED');
        break;

      case EventType.EVENT_TYPE_TIMER_STARTED: {
        const attributes = event.timerStartedEventAttributes;
        const duration = durationText(attributes?.startToFireTimeout);
        timers.set(attributes?.timerId ?? '', duration);
        step('TIMER', 'timer', 'STARTED', duration);
        break;
      }
      case EventType.EVENT_TYPE_TIMER_FIRED:
        step('TIMER', 'timer', 'FIRED', timers.get(event.timerFiredEventAttributes?.timerId ?? '') ?? null);
        break;
      case EventType.EVENT_TYPE_TIMER_CANCELED:
        step('TIMER', 'timer', 'CANCELLED', timers.get(event.timerCanceledEventAttributes?.timerId ?? '') ?? null);
        break;

      default:
        break;
    }
  }
  return steps;
};

/** The workflow's own timeline entries (status changes and steps it recorded) as steps. */
export const stateSteps = (timeline: PaymentState['timeline']): TimelineStep[] =>
  timeline.map((entry) => ({ at: new Date(entry.at), kind: 'STATE', name: entry.event, outcome: 'CHANGED', detail: entry.detail ?? null, eventId: null }));

/** Both, by time; on a tie the history event comes first (the state changes inside the task it completes). */
export const mergeSteps = (history: TimelineStep[], state: TimelineStep[]): TimelineStep[] =>
  [...history, ...state]
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.index - b.index)
    .map(({ step }) => step);

export type PaymentTimeline =
  | {
      kind: 'OK';
      steps: TimelineStep[];
      /** What the workflow says now; null when the query could not be answered (no worker). */
      state: Pick<PaymentState, 'status' | 'attention' | 'unconfirmed' | 'refund'> | null;
      stateError: string | null;
    }
  | { kind: 'NOT_FOUND' }
  | { kind: 'UNAVAILABLE'; message: string };

const QUERY_TIMEOUT_MS = 8_000;

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

/**
 * Failure messages travel encrypted in the history (the worker's failure converter encodes them,
 * DESIGN §3): each failure with `encodedAttributes` gets its message back through the client's
 * codecs, in place, so the clerk reads what failed rather than "Encoded failure".
 */
export const decodeFailureMessages = async (node: unknown, codecs: readonly PayloadCodec[]): Promise<void> => {
  if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
  const record = node as Record<string, unknown>;
  const encoded = record.encodedAttributes as Payload | null | undefined;
  if (encoded && typeof record.message === 'string') {
    try {
      let payloads: Payload[] = [encoded];
      for (const codec of [...codecs].reverse()) payloads = await codec.decode(payloads);
      const attributes = defaultPayloadConverter.fromPayload<{ message?: unknown }>(payloads[0]!);
      if (typeof attributes?.message === 'string') record.message = attributes.message;
    } catch {
      // A key the console no longer holds: the step keeps "Encoded failure".
    }
  }
  for (const value of Object.values(record)) if (value !== encoded) await decodeFailureMessages(value, codecs);
};

export type LoadPaymentTimelineOptions = { temporal: () => Promise<Client>; workflowId: string };

export const loadPaymentTimeline = async ({ temporal: getClient, workflowId }: LoadPaymentTimelineOptions): Promise<PaymentTimeline> => {
  let history: temporal.api.history.v1.IHistory;
  let client: Client;
  try {
    client = await getClient();
    history = await withTimeout(client.workflow.getHandle(workflowId).fetchHistory(), 15_000, 'Temporal history');
    await decodeFailureMessages(history.events ?? [], client.workflow.options.loadedDataConverter.payloadCodecs);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { kind: 'NOT_FOUND' };
    return { kind: 'UNAVAILABLE', message: error instanceof Error ? error.message : String(error) };
  }
  const historySteps = summariseHistory(history.events ?? []);
  try {
    // Answered by a worker replaying the workflow; the console must not hang when none runs. The
    // status comes from the one reader the site asks too: a later refund says REFUNDED here as there.
    const paymentId = paymentIdFromWorkflowId(workflowId);
    const query = paymentId ? readPaymentState({ client, paymentId }) : client.workflow.getHandle(workflowId).query(getStateQuery);
    const state = await withTimeout(query, QUERY_TIMEOUT_MS, 'getState query');
    return {
      kind: 'OK',
      steps: mergeSteps(historySteps, stateSteps(state.timeline)),
      state: { status: state.status, attention: state.attention, unconfirmed: state.unconfirmed, refund: state.refund },
      stateError: null,
    };
  } catch (error) {
    return { kind: 'OK', steps: historySteps, state: null, stateError: error instanceof Error ? error.message : String(error) };
  }
};
