// Workflow code of the baseline (bundled by its worker): deterministic, and doing nothing but what
// Temporal itself must do — one activity, or `updates` Updates and then the end.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { noopUpdate, type NoopActivities } from './definitions';

const { noop } = proxyActivities<NoopActivities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 3 } });

/** Starts, runs one no-op activity, ends. */
export const benchNoopWorkflow = async (): Promise<void> => {
  await noop();
};

/** Takes `updates` no-op Updates (each answers its argument back), then ends. */
export const benchNoopUpdatesWorkflow = async (updates: number): Promise<number> => {
  let received = 0;
  setHandler(noopUpdate, (n: number) => {
    received += 1;
    return n;
  });
  await condition(() => received >= updates);
  return received;
};
