// What a load phase collects: each step's round trips, completed payments, and errors by kind.
import { summarize, type LatencySummary } from './stats';

/** The resident's steps as the site takes them, each timed on its own. */
export type Step =
  | 'start'
  | 'account'
  | 'period'
  | 'electricity'
  | 'lines'
  | 'receiptEmail'
  | 'confirm'
  | 'cardPage'
  | 'cardPost'
  | 'otpPage'
  | 'otpPost'
  | 'return'
  | 'statusPoll'
  /** From the card form's answer to the first status read that says COMPLETED. */
  | 'cardToCompleted'
  /** Workflow clock: the approval (POSTING) to the ledger posting (POSTED), and to COMPLETED. */
  | 'approvalToPosted'
  | 'approvalToCompleted'
  /** A whole payment, "I agree" to COMPLETED. */
  | 'payment';

/** The steps that are one Temporal Update each behind /api/v1 (what "update round trip" means). */
export const UPDATE_STEPS: readonly Step[] = ['account', 'period', 'electricity', 'lines', 'receiptEmail', 'confirm', 'return'];

export type Sample = { step: Step; ms: number; at: number };

export type PhaseResult = {
  name: string;
  concurrency: number;
  startedAt: number;
  durationMs: number;
  completed: number;
  paymentsPerSecond: number;
  steps: Partial<Record<Step, LatencySummary>>;
  /** Every update step's round trips together. */
  updateRoundTrip: LatencySummary | null;
  errors: Record<string, number>;
  /** One payment per card that completed in this phase, to count its history events. */
  samplePaymentIds: Partial<Record<'frictionless' | 'otp', string>>;
  /** Completions per second, per second of the phase (for the chart). */
  timeline: { at: number; completed: number; updateP95: number | null }[];
};

export const createRecorder = (name: string, concurrency: number) => {
  const samples: Sample[] = [];
  const completions: number[] = [];
  const errors: Record<string, number> = {};
  const startedAt = Date.now();
  const samplePaymentIds: Partial<Record<'frictionless' | 'otp', string>> = {};
  return {
    name,
    concurrency,
    sample: (step: Step, ms: number) => samples.push({ step, ms, at: Date.now() }),
    completed: (sample?: { paymentId: string; card: 'frictionless' | 'otp' }) => {
      completions.push(Date.now());
      if (sample) samplePaymentIds[sample.card] ??= sample.paymentId;
    },
    error: (kind: string) => {
      errors[kind] = (errors[kind] ?? 0) + 1;
    },
    samples: () => samples,
    finish: (): PhaseResult => {
      const endedAt = Date.now();
      const durationMs = endedAt - startedAt;
      const steps: Partial<Record<Step, LatencySummary>> = {};
      for (const step of new Set(samples.map((s) => s.step))) {
        const summary = summarize(samples.filter((s) => s.step === step).map((s) => s.ms));
        if (summary) steps[step] = summary;
      }
      const updates = samples.filter((s) => UPDATE_STEPS.includes(s.step));
      const seconds = Math.max(1, Math.ceil(durationMs / 1000));
      const timeline = Array.from({ length: seconds }, (_, i) => {
        const from = startedAt + i * 1000;
        const inSecond = (at: number) => at >= from && at < from + 1000;
        return {
          at: from,
          completed: completions.filter(inSecond).length,
          updateP95: summarize(updates.filter((s) => inSecond(s.at)).map((s) => s.ms))?.p95 ?? null,
        };
      });
      return {
        name,
        concurrency,
        startedAt,
        durationMs,
        completed: completions.length,
        paymentsPerSecond: Math.round((completions.length / (durationMs / 1000)) * 1000) / 1000,
        steps,
        updateRoundTrip: summarize(updates.map((s) => s.ms)),
        errors,
        samplePaymentIds,
        timeline,
      };
    },
  };
};

export type Recorder = ReturnType<typeof createRecorder>;
