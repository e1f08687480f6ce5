// The updates accepted in the recorded histories (test/fixtures/payment-histories) still pass the
// shared argument schemas the validators now parse with: replay does not run validators, so this
// is where a schema stricter than the old hand-written checks would show.
import { readdirSync, readFileSync } from 'node:fs';
import {
  ElectricityArgs,
  LineOptionsPatchArgs,
  OperatorArgs,
  RefundArgs,
  RetryDeliveryArgs,
  SetAccountArgs,
  SetPeriodArgs,
  SetReceiptEmailArgs,
} from '@voltpay/domain/inputs';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';

const dir = new URL('../../test/fixtures/payment-histories/', import.meta.url);

/** Each update's argument schema; the argument-less updates have none. */
const SCHEMAS: Record<string, ZodType | null> = {
  setAccount: SetAccountArgs,
  setPeriod: SetPeriodArgs,
  setElectricity: ElectricityArgs,
  setLineOptions: LineOptionsPatchArgs,
  setReceiptEmail: SetReceiptEmailArgs,
  confirm: null,
  cancel: null,
  returnFromAcquirer: null,
  recheck: OperatorArgs,
  retryPosting: OperatorArgs,
  retryDelivery: RetryDeliveryArgs,
  refund: RefundArgs,
};

type Payload = { metadata?: { encoding?: string }; data?: string };
type HistoryEvent = { workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string; args?: { payloads?: Payload[] } } } } };

const fromBase64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

const acceptedUpdates = () =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const { events } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { events: HistoryEvent[] };
      return events.flatMap((event) => {
        const input = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
        if (!input?.name) return [];
        const payloads = input.args?.payloads ?? [];
        // The recorder decrypts what it saves: plain JSON payloads only.
        for (const payload of payloads) expect(fromBase64(payload.metadata?.encoding ?? '')).toBe('json/plain');
        return [{ file, name: input.name, args: payloads.map((p) => (p.data ? (JSON.parse(fromBase64(p.data)) as unknown) : undefined)) }];
      });
    });

describe('recorded update arguments', () => {
  it('every accepted update of every recorded history passes its shared schema', () => {
    const updates = acceptedUpdates();
    expect(new Set(updates.map((u) => u.name))).toEqual(
      new Set(['setAccount', 'setPeriod', 'setElectricity', 'setReceiptEmail', 'confirm', 'cancel', 'recheck', 'retryPosting', 'refund']),
    );
    for (const { file, name, args } of updates) {
      expect(Object.keys(SCHEMAS), `${file}: ${name}`).toContain(name);
      const schema = SCHEMAS[name];
      if (!schema) {
        expect(args, `${file}: ${name}`).toEqual([]);
        continue;
      }
      const parsed = schema.safeParse(args[0]);
      expect(parsed.success ? null : parsed.error.issues, `${file}: ${name} ${JSON.stringify(args[0])}`).toBeNull();
    }
  });
});
