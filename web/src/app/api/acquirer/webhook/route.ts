// POST /api/acquirer/webhook: the acquirer tells us what happened to an order (outside /api/v1:
// it is the acquirer's endpoint, not the residents'). Verified, then signalled to the workflow.
import { createAcquirerGatewayFromEnv } from '@voltpay/acquirer-gateway';
import { serverEnv } from '@voltpay/stack/env';
import { getTemporalClient } from '@voltpay/stack/temporal';
import { acquirerEventSignal, paymentWorkflowId } from '@voltpay/workflows/payment';
import { handleAcquirerWebhook } from '~/lib/api/acquirer-webhook';
import { apiRoute, readTextCapped } from '~/lib/api/http';
import { log } from '~/lib/log';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const SIGNAL_DEADLINE_MS = 10_000;

export const POST = apiRoute(async ({ request }) => {
  // The signature covers the exact bytes, so the body is read as text and never re-serialised.
  // Read with a cap while streaming: 413 at the first byte past MAX_BODY_BYTES.
  const rawBody = await readTextCapped(request);
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
    log.warn(result, 'acquirer webhook for no running payment; acknowledged');
  }
  return Response.json({ received: true }, { headers: { 'cache-control': 'no-store' } });
});
