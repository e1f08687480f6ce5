// The signature on the acquirer's webhooks: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
// Pure (no I/O), and the one module both sides share: the sandbox acquirer signs with it, our
// gateway (acquirer-gateway/src/sandbox-gateway.ts, run by web's webhook route) verifies with it,
// as a real acquirer's own client library would. Nothing else of the sandbox's server comes along.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookSignatureFailure = 'missing' | 'malformed' | 'timestamp_out_of_tolerance' | 'mismatch' | 'invalid_body';

/** A webhook whose signature, timestamp or body is not acceptable: answer 400 and ignore it. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  readonly reason: WebhookSignatureFailure;
  constructor(reason: WebhookSignatureFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

export const WEBHOOK_SIGNATURE_HEADER = 'Voltpay-Acquirer-Signature';
/** A signature older (or newer) than this is refused, so a captured webhook cannot be replayed later. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string, timestamp: number, rawBody: string) => createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');

/** The header value for `rawBody`, signed at `timestamp` (unix seconds, default now). */
export const signWebhook = ({ secret, rawBody, timestamp = Math.floor(Date.now() / 1000) }: { secret: string; rawBody: string; timestamp?: number }) =>
  `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;

type VerifyOptions = {
  secret: string;
  rawBody: string;
  /** The header's value, as received (undefined or null when it was missing). */
  header: string | null | undefined;
  /** Unix seconds; the current time unless a test says otherwise. */
  now?: number;
  toleranceSeconds?: number;
};

/**
 * Throws WebhookSignatureError unless `header` signs exactly `rawBody` with `secret` within the
 * tolerance. Several `v1=` values are accepted (one per secret while secrets rotate).
 */
export const verifyWebhookSignature = ({
  secret,
  rawBody,
  header,
  now = Math.floor(Date.now() / 1000),
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
}: VerifyOptions): void => {
  if (!header) throw new WebhookSignatureError('missing', `the ${WEBHOOK_SIGNATURE_HEADER} header is missing`);
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (!key || value === undefined || rest.length > 0) continue;
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookSignatureError('malformed', `the ${WEBHOOK_SIGNATURE_HEADER} header needs t=<unix seconds>,v1=<hex>`);
  }
  if (Math.abs(now - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError('timestamp_out_of_tolerance', `the signature's timestamp is more than ${toleranceSeconds} s away from now`);
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  if (!matches) throw new WebhookSignatureError('mismatch', 'the signature does not match the body');
};
