// Determinism guard: histories recorded from real payments (completed, declined, cancelled,
// expired, unconfirmed, needing attention…) replayed against the current workflow code. A change
// that would break payments already running fails here: put it behind `patched()` instead.
// Record new ones with VOLTPAY_RECORD_HISTORIES=1 npm test -- payment-acquirer (see support/payments.ts).
import { readdir, readFile } from 'node:fs/promises';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '@voltpay/activities/worker';
import { describe, expect, it } from 'vitest';

const dir = new URL('./fixtures/payment-histories/', import.meta.url);

describe('payment workflow replay of recorded histories', () => {
  it('replays every recorded history without nondeterminism', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(5);
    const histories = (async function* () {
      for (const file of files) {
        const json = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as Record<string, unknown>;
        yield { workflowId: file, history: proto.temporal.api.history.v1.History.fromObject(json) };
      }
    })();
    const failures: string[] = [];
    let replayed = 0;
    // One replay worker (one workflow bundle) for all of them.
    for await (const result of Worker.runReplayHistories({ workflowsPath, replayName: 'payment-replay' }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  }, 120_000);
});
