// How every workflow here turns a business refusal into a failure and an activity's failure into
// words: one module, so the payment and the refund workflows refuse and explain alike.
import { ApplicationFailure } from '@temporalio/workflow';

/** A business refusal: non-retryable, typed so the API and the console map it to a message. */
export const failure = ({ type, message, details = [] }: { type: string; message: string; details?: unknown[] }): ApplicationFailure =>
  ApplicationFailure.create({ type, message, details, nonRetryable: true });

/** Throws the refusal: for flows that end there. */
export const fail = (type: string, message: string, ...details: unknown[]): never => {
  throw failure({ type, message, details });
};

/**
 * An activity's failure as the operator should read it: Temporal wraps the activity's own error
 * (ActivityFailure → cause), and the cause says what went wrong.
 */
export const errorMessage = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message ? cause.message : error.message;
  }
  return String(error);
};
