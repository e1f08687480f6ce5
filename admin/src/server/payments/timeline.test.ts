// The history summary over a real recorded history (test/fixtures/payment-histories): a payment
// whose ledger posting failed, waited for an operator, and completed after the retry.
import { readFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ApplicationFailure, DefaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import { encodeFailure } from '@temporalio/common/lib/internal-non-workflow';
import { createEncryptionCodec } from '@voltpay/stack/payload-codec';
import { decodeFailureMessages, mergeSteps, stateSteps, summariseHistory } from './timeline';

const { History } = proto.temporal.api.history.v1;

const recorded = (name: string) =>
  History.fromObject(
    JSON.parse(readFileSync(new URL(`../../../../test/fixtures/payment-histories/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>,
  );

describe('summariseHistory', () => {
  const steps = summariseHistory(recorded('completed-after-needs-attention').events ?? []);

  it('names updates, activities and the workflow, and leaves workflow tasks out', () => {
    expect(steps[0]).toMatchObject({ kind: 'WORKFLOW', name: 'paymentWorkflow', outcome: 'STARTED' });
    expect(steps.at(-1)).toMatchObject({ kind: 'WORKFLOW', outcome: 'COMPLETED' });
    expect(steps.some((s) => s.kind === 'UPDATE' && s.name === 'confirm' && s.outcome === 'ACCEPTED')).toBe(true);
    expect(steps.some((s) => s.kind === 'UPDATE' && s.name === 'confirm' && s.outcome === 'COMPLETED')).toBe(true);
    expect(steps.some((s) => s.kind === 'UPDATE' && s.name === 'retryPosting' && s.outcome === 'COMPLETED')).toBe(true);
    expect(steps.some((s) => s.kind === 'SIGNAL' && s.name === 'acquirerEvent')).toBe(true);
    expect(steps.some((s) => s.name.startsWith('workflow task'))).toBe(false);
  });

  it('keeps the failure of an activity with its message and attempts, and its later success', () => {
    const failed = steps.filter((s) => s.kind === 'ACTIVITY' && s.name === 'postToLedger' && s.outcome === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.detail).toMatch(/ledger is closed for maintenance/);
    expect(failed[0]!.detail).toMatch(/попыток: \d+/);
    expect(steps.some((s) => s.kind === 'ACTIVITY' && s.name === 'postToLedger' && s.outcome === 'COMPLETED')).toBe(true);
  });

  it('gives timers their duration and every step a time in order', () => {
    expect(steps.find((s) => s.kind === 'TIMER' && s.outcome === 'STARTED')?.detail).toMatch(/(мин|с|мс)$/);
    const times = steps.map((s) => s.at.getTime());
    expect(times.every((t) => t > Date.parse('2020-01-01'))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('mergeSteps', () => {
  it('puts the workflow’s own status changes between the history’s steps by time', () => {
    const history = summariseHistory(recorded('completed-frictionless-email').events ?? []);
    const middle = history[Math.floor(history.length / 2)]!;
    const merged = mergeSteps(history, stateSteps([{ at: middle.at.toISOString(), event: 'POSTING', detail: 'approved (webhook)' }]));
    expect(merged).toHaveLength(history.length + 1);
    const index = merged.findIndex((s) => s.kind === 'STATE');
    expect(merged[index - 1]!.at.getTime()).toBeLessThanOrEqual(merged[index]!.at.getTime());
    expect(merged[index + 1]!.at.getTime()).toBeGreaterThanOrEqual(merged[index]!.at.getTime());
  });
});

describe('decodeFailureMessages', () => {
  it('gives an encrypted failure its message back, and leaves it when the key is unknown', async () => {
    const codec = createEncryptionCodec({ key: randomBytes(32).toString('base64') });
    const converter = new DefaultFailureConverter({ encodeCommonAttributes: true });
    const plain = converter.errorToFailure(ApplicationFailure.retryable('ledger closed for the test', 'DB'), defaultPayloadConverter);
    const failure = await encodeFailure([codec], plain);
    expect(failure.message).toBe('Encoded failure');
    const events = [{ activityTaskFailedEventAttributes: { failure: structuredClone(failure) } }];
    await decodeFailureMessages(events, [codec]);
    expect(events[0]!.activityTaskFailedEventAttributes.failure.message).toBe('ledger closed for the test');
    const stranger = [{ activityTaskFailedEventAttributes: { failure: structuredClone(failure) } }];
    await decodeFailureMessages(stranger, [createEncryptionCodec({ key: randomBytes(32).toString('base64') })]);
    expect(stranger[0]!.activityTaskFailedEventAttributes.failure.message).toBe('Encoded failure');
  });
});
