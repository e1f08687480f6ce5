// The self-check: one trivial workflow that proves the whole chain — client → Temporal →
// worker → activity → Postgres and back — works. `npm start` runs it once everything is up;
// the integration suite runs it against the real dev server.

export const SELF_CHECK_WORKFLOW_TYPE = 'selfCheckWorkflow';

export type SelfCheckInput = { checkId: string; message: string };

export type SelfCheckRecord = {
  checkId: string;
  workflowId: string;
  message: string;
  createdAt: string;
};

export type SelfCheckResult = { record: SelfCheckRecord; readBack: SelfCheckRecord };

export const selfCheckWorkflowId = (checkId: string) => `self-check-${checkId}`;

/**
 * The activities this workflow calls. Declared here, implemented in `@voltpay/activities`:
 * the worker (in activities) depends on this package, so the contract lives on this side and
 * the dependency graph stays acyclic; the implementation is checked against it with `satisfies`.
 */
export type SelfCheckActivities = {
  recordSelfCheck: (input: { checkId: string; workflowId: string; message: string }) => Promise<SelfCheckRecord>;
  readSelfCheck: (input: { checkId: string }) => Promise<SelfCheckRecord>;
};
