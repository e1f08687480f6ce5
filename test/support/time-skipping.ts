// A time-skipping Temporal for workflow tests whose timers are long: the server jumps ahead
// whenever every workflow is only waiting on a timer.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTemporalTestServer } from '@voltpay/stack/local';

export const createTimeSkippingEnv = async () => TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await ensureTemporalTestServer() } });
