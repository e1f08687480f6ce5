// The acquirer's own view of a payment's order, asked live (never from our read model), so a
// clerk can compare what the bank says with what we recorded. An acquirer that is down is an
// answer to show, not an error to throw.
import { AcquirerRejectedError, AcquirerUnavailableError, createAcquirerGatewayFromEnv, type AcquirerGateway } from '@voltpay/acquirer-gateway';
import { serverEnv } from '@voltpay/stack/env';
import type { AcquirerOrder } from '@voltpay/domain';

export type AcquirerView =
  | { kind: 'NO_ORDER' }
  | { kind: 'OK'; checkedAt: Date; order: AcquirerOrder }
  | { kind: 'UNAVAILABLE'; checkedAt: Date; message: string }
  | { kind: 'REJECTED'; checkedAt: Date; message: string };

let gateway: AcquirerGateway | undefined;

/** The gateway the worker uses, built from the same env (activities/src/worker.ts). */
export const getAcquirerGateway = (): AcquirerGateway => {
  gateway ??= createAcquirerGatewayFromEnv(serverEnv);
  return gateway;
};

export type FetchAcquirerViewOptions = { gateway: AcquirerGateway; orderId: string | null };

export const fetchAcquirerView = async ({ gateway: acquirer, orderId }: FetchAcquirerViewOptions): Promise<AcquirerView> => {
  if (!orderId) return { kind: 'NO_ORDER' };
  const checkedAt = new Date();
  try {
    return { kind: 'OK', checkedAt, order: await acquirer.getOrder({ orderId }) };
  } catch (error) {
    if (error instanceof AcquirerUnavailableError) return { kind: 'UNAVAILABLE', checkedAt, message: error.message };
    if (error instanceof AcquirerRejectedError) return { kind: 'REJECTED', checkedAt, message: error.message };
    // Anything else (a bug, a DNS failure wrapped differently) still must not break the page.
    return { kind: 'UNAVAILABLE', checkedAt, message: error instanceof Error ? error.message : String(error) };
  }
};
