import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature, WebhookSignatureError } from './webhook-signature';

const secret = 'a'.repeat(64);
const rawBody = JSON.stringify({ eventId: 'evt_1', type: 'APPROVED', note: 'Оплачено' });
const t = 1_800_000_000;

const failureOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('webhook signature', () => {
  it('has the documented shape: t=<seconds>,v1=<64 hex>', () => {
    expect(signWebhook({ secret, rawBody, timestamp: t })).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
  });

  it('is HMAC-SHA256 of "<t>.<body>" (vector from openssl)', () => {
    // printf '%s' '1800000000.{}' | openssl dgst -sha256 -hmac key
    expect(signWebhook({ secret: 'key', rawBody: '{}', timestamp: t })).toBe(
      't=1800000000,v1=7321475872b03ff21bdc2dfd86ea2d99ec29c479fbe4a77aa6acf4509505493f',
    );
  });

  it('accepts its own signature within the tolerance, either side of now', () => {
    const header = signWebhook({ secret, rawBody, timestamp: t });
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t }))).toBe('accepted');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t + 300 }))).toBe('accepted');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t - 300 }))).toBe('accepted');
  });

  it('refuses a stale or future timestamp (replays)', () => {
    const header = signWebhook({ secret, rawBody, timestamp: t });
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t + 301 }))).toBe('timestamp_out_of_tolerance');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t - 301 }))).toBe('timestamp_out_of_tolerance');
  });

  it('refuses a changed body, a changed timestamp, another secret', () => {
    const header = signWebhook({ secret, rawBody, timestamp: t });
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody: rawBody.replace('APPROVED', 'REFUNDED'), header, now: t }))).toBe('mismatch');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: header.replace(`t=${t}`, `t=${t + 1}`), now: t }))).toBe('mismatch');
    expect(failureOf(() => verifyWebhookSignature({ secret: 'b'.repeat(64), rawBody, header, now: t }))).toBe('mismatch');
  });

  it('refuses a missing or malformed header', () => {
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: undefined, now: t }))).toBe('missing');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: '', now: t }))).toBe('missing');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: `t=${t}`, now: t }))).toBe('malformed');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: 'v1=' + '0'.repeat(64), now: t }))).toBe('malformed');
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header: `t=${t},v1=xyz`, now: t }))).toBe('malformed');
  });

  it('accepts any of several v1 values (secret rotation)', () => {
    const good = signWebhook({ secret, rawBody, timestamp: t }).split('v1=')[1];
    const header = `t=${t},v1=${'0'.repeat(64)},v1=${good}`;
    expect(failureOf(() => verifyWebhookSignature({ secret, rawBody, header, now: t }))).toBe('accepted');
  });
});
