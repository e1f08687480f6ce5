// The site's server log (route handlers, server actions, instrumentation): pino JSON lines.
import { createLogger } from '@voltpay/logger';

export const log = createLogger({ name: 'web' });
