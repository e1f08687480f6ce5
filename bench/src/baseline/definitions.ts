// The baseline's two no-op workflows, shared by its worker (workflows.ts) and its driver (run.ts):
// what a Temporal round trip costs on this server and worker, with none of our code in it.
import { defineUpdate } from '@temporalio/workflow';

export const NOOP_WORKFLOW_TYPE = 'benchNoopWorkflow';
export const NOOP_UPDATES_WORKFLOW_TYPE = 'benchNoopUpdatesWorkflow';

/**
 * As many Updates as a payment takes through /api/v1: account, period, electricity, lines,
 * receipt email, confirm, return.
 */
export const PAYMENT_UPDATE_COUNT = 7;

export const noopUpdate = defineUpdate<number, [number]>('benchNoop');

export type NoopActivities = { noop: () => Promise<void> };
