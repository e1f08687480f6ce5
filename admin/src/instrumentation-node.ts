// Node-only start-up work, apart from instrumentation.ts so that its Edge build never sees it.
import { refuseToStartWithoutEnv } from '@voltpay/stack/startup';

export const checkStartUp = () => refuseToStartWithoutEnv(() => import('./env'));
