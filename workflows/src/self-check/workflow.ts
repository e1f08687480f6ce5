import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SelfCheckActivities, SelfCheckInput, SelfCheckResult } from './definitions';

const { recordSelfCheck, readSelfCheck } = proxyActivities<SelfCheckActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});

/** Writes one row through an activity, then reads it back through another. */
export const selfCheckWorkflow = async ({ checkId, message }: SelfCheckInput): Promise<SelfCheckResult> => {
  const { workflowId } = workflowInfo();
  const record = await recordSelfCheck({ checkId, workflowId, message });
  const readBack = await readSelfCheck({ checkId });
  return { record, readBack };
};
