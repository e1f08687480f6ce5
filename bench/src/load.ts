// A load phase: `concurrency` lanes of residents (closed loop: a lane's next resident starts paying
// when the last one's payment is COMPLETED or failed), every payment on an account and from a
// client address of its own (the payer pool), starting no new payment
// once the phase's time is up, and finishing the ones under way. Throughput is the payments
// completed divided by the time to the last one.
import { summarize } from './stats';
import { createRecorder, UPDATE_STEPS, type PhaseResult } from './recorder';
import { payOneBill, StepError, type CardKind } from './resident';
import type { PayerPool } from './accounts';
import { progress, progressDone } from './progress';

export type LoadTarget = { webUrl: string; payers: PayerPool; period: string };

export type LoadPhaseOptions = {
  name: string;
  concurrency: number;
  durationMs: number;
  /** Upper bound of payments per resident, whatever the time (every loop is bounded in count too). */
  maxPaymentsPerResident?: number;
  /** Share of payments made with the 3-D Secure card (the rest frictionless). */
  otpShare: number;
  /** Called every second with the phase's running figures (e.g. to sample CPU). */
  onTick?: () => void;
};

export const runLoadPhase = async (target: LoadTarget, options: LoadPhaseOptions): Promise<PhaseResult> => {
  const { name, concurrency, durationMs, maxPaymentsPerResident = 10_000, otpShare, onTick } = options;
  const recorder = createRecorder(name, concurrency);
  const deadline = Date.now() + durationMs;
  let completed = 0;
  let failed = 0;

  const resident = async (n: number) => {
    for (let k = 0; k < maxPaymentsPerResident && Date.now() < deadline; k++) {
      const card: CardKind = ((n * 37 + k * 61) % 100) / 100 < otpShare ? 'otp' : 'frictionless';
      try {
        const { account, clientAddress, serial } = await target.payers.next();
        const paymentId = await payOneBill({
          webUrl: target.webUrl,
          account,
          clientAddress,
          email: `bench-resident-${serial}@bench.voltpay.test`,
          period: target.period,
          card,
          kwh: 100 + ((n + k) % 50),
          recorder,
        });
        recorder.completed({ paymentId, card });
        completed += 1;
      } catch (error) {
        failed += 1;
        recorder.error(error instanceof StepError ? error.kind : 'unexpected');
        if (!(error instanceof StepError)) console.error(error);
        // A failing service should not be hammered in a tight loop.
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  const started = Date.now();
  const ticker = setInterval(() => {
    onTick?.();
    const recent = recorder.samples().filter((s) => s.at > Date.now() - 10_000 && UPDATE_STEPS.includes(s.step));
    const p95 = summarize(recent.map((s) => s.ms))?.p95;
    const elapsed = (Date.now() - started) / 1000;
    progress(
      `[${name} · ${concurrency} residents] ${elapsed.toFixed(0)} s · ${completed} paid · ${(completed / Math.max(elapsed, 1)).toFixed(2)}/s · update p95 (10 s) ${p95 === undefined ? '–' : `${Math.round(p95)} ms`} · errors ${failed}${Date.now() > deadline ? ' · finishing' : ''}`,
    );
  }, 1_000);
  try {
    await Promise.all(Array.from({ length: concurrency }, (_, n) => resident(n)));
  } finally {
    clearInterval(ticker);
    progressDone();
  }
  return recorder.finish();
};
