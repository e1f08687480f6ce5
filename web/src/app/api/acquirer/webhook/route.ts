// POST /api/acquirer/webhook: the acquirer tells us what happened to an order (outside /api/v1:
// it is the acquirer's endpoint, not the residents'). Verified, then signalled to the workflow.
import { createAcquirerGatewayFromEnv } from '@voltpay/activities/acquirer';
import { serverEnv } from '@voltpay/stack/env';
import { getTemporalClient } from '@voltpay/stack/temporal';
import { acquirerEventSignal, paymentWorkflowId } from '@voltpay/workflows/payment';
import { handleAcquirerWebhook } from '~/lib/api/acquirer-webhook';
import { apiRoute, MAX_BODY_BYTES } from '~/lib/api/http';
import { ApiError } from '~/lib/api/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const SIGNAL_DEADLINE_MS = 10_000;

export const POST = apiRoute(async ({ request }) => {
  // The signature covers the exact bytes, so the body is read as text and never re-serialised.
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody, 'utf8') > MAX_BODY_BYTES) throw new ApiError({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  const gateway = createAcquirerGatewayFromEnv(serverEnv);
  const result = await handleAcquirerWebhook({
    rawBody,
    headers: request.headers,
    parseWebhook: gateway.parseWebhook,
    signalPayment: async ({ paymentId, event }) => {
      const client = await getTemporalClient();
      await client.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () =>
        client.workflow.getHandle(paymentWorkflowId(paymentId)).signal(acquirerEventSignal, event),
      );
    },
  });
  if (result.outcome === 'IGNORED') {
    console.warn(JSON.stringify({ level: 'warn', msg: 'acquirer webhook for no running payment; acknowledged', ...result }));
  }
  return Response.json({ received: true }, { headers: { 'cache-control': 'no-store' } });
});
