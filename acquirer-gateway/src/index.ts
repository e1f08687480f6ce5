// The acquirer, as the rest of Voltpay sees it: the gateway type, its implementations and their
// errors. No server code and no Temporal (web imports this for its webhook route, the console for
// its re-checks, the worker for its activities in activities/src/acquirer/); the sandbox acquirer is a
// package of its own (sandbox-acquirer/), whose webhook signature the sandbox gateway verifies.
import { createSandboxGateway } from './sandbox-gateway';
import type { AcquirerGateway } from './gateway';

export type { AcquirerGateway, CreateOrderInput, WebhookInput } from './gateway';
export { createSandboxGateway, type SandboxGatewayOptions, ZAcquirerEvent, ZAcquirerOrder } from './sandbox-gateway';
export { AcquirerRejectedError, AcquirerUnavailableError } from './errors';
export { WebhookSignatureError, type WebhookSignatureFailure } from '@voltpay/sandbox-acquirer/webhook-signature';

export type AcquirerEnv = {
  ACQUIRER_URL: string;
  ACQUIRER_API_KEY: string;
  ACQUIRER_WEBHOOK_SECRET: string;
};

/**
 * The gateway the configuration names. Only the sandbox exists today: a real acquirer would be
 * another AcquirerGateway implementation (its own client, its own signature scheme) selected
 * here by a variable such as ACQUIRER_KIND, with nothing else in Voltpay changing.
 */
export const createAcquirerGatewayFromEnv = (env: AcquirerEnv): AcquirerGateway =>
  createSandboxGateway({ baseUrl: env.ACQUIRER_URL, apiKey: env.ACQUIRER_API_KEY, webhookSecret: env.ACQUIRER_WEBHOOK_SECRET });
