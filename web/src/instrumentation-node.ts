// Node-only start-up work, apart from instrumentation.ts so that its Edge build never sees it.
import { refuseToStartWithoutEnv } from '@voltpay/stack/startup';
import { stampPeerAddresses } from './lib/api/client-address';

export const checkStartUp = async () => {
  // Before the first request: the rate limits key on the socket's peer (TRUSTED_PROXY_HOPS=0).
  stampPeerAddresses();
  await refuseToStartWithoutEnv(() => import('./env'));
};
