// Open drafts: N residents who accepted the terms, found their account and chose the period, then
// left the page. Each is a running workflow with its timer; this measures what they cost (worker
// memory, Temporal's and Postgres's size) and whether they slow down the residents who do pay.
import { CURRENT_TERMS_VERSION } from '@voltpay/workflows/payment';
import { createRecorder, type PhaseResult } from './recorder';
import type { BenchAccount } from './resident';
import { progress, progressDone } from './progress';

const REQUEST_TIMEOUT_MS = 30_000;

const post = async (url: string, body: unknown, clientAddress: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${(/"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '').trim()}`.trim());
  return JSON.parse(text) as unknown;
};

export type OpenDraftsOptions = { webUrl: string; accounts: readonly BenchAccount[]; period: string; count: number; concurrency: number };

/** Opens `count` drafts, `concurrency` at a time; returns their ids and how opening went. */
export const openDrafts = async ({
  webUrl,
  accounts,
  period,
  count,
  concurrency,
}: OpenDraftsOptions): Promise<{ paymentIds: string[]; phase: PhaseResult }> => {
  if (accounts.length < count) throw new Error(`${count} drafts need ${count} bench accounts, ${accounts.length} given`);
  const recorder = createRecorder('drafts-open', concurrency);
  const paymentIds: string[] = [];
  let next = 0;
  const started = Date.now();
  const opener = async () => {
    // Bounded: each loop takes the next draft number until all are handed out.
    while (next < count) {
      const n = next++;
      const clientAddress = `198.19.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
      try {
        let began = performance.now();
        const { paymentId } = (await post(
          `${webUrl}/api/v1/payments`,
          { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION, locale: 'ru' },
          clientAddress,
        )) as { paymentId: string };
        recorder.sample('start', performance.now() - began);
        began = performance.now();
        await post(
          `${webUrl}/api/v1/payments/${paymentId}/account`,
          { districtCode: accounts[n]!.districtCode, accountNumber: accounts[n]!.number },
          clientAddress,
        );
        recorder.sample('account', performance.now() - began);
        began = performance.now();
        await post(`${webUrl}/api/v1/payments/${paymentId}/period`, { period }, clientAddress);
        recorder.sample('period', performance.now() - began);
        paymentIds.push(paymentId);
        recorder.completed();
      } catch (error) {
        recorder.error(`draft:${error instanceof Error ? error.message : 'unexpected'}`);
      }
      if (n % 20 === 0) {
        const elapsed = (Date.now() - started) / 1000;
        progress(`[open drafts] ${paymentIds.length}/${count} open · ${(paymentIds.length / Math.max(elapsed, 1)).toFixed(1)}/s`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, () => opener()));
  } finally {
    progressDone();
  }
  return { paymentIds, phase: recorder.finish() };
};

/** Cancels drafts through the API (a server the benchmark did not start should not keep them for 30 minutes). */
export const cancelDrafts = async ({ webUrl, paymentIds, concurrency }: { webUrl: string; paymentIds: string[]; concurrency: number }) => {
  let next = 0;
  let failed = 0;
  const canceller = async () => {
    while (next < paymentIds.length) {
      const id = paymentIds[next++]!;
      await post(`${webUrl}/api/v1/payments/${id}/cancel`, {}, '198.19.255.1').catch(() => {
        failed += 1;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => canceller()));
  return { cancelled: paymentIds.length - failed, failed };
};
