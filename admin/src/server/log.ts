// The console's server log (tRPC, route handlers, auth callbacks): pino JSON lines.
import { createLogger } from '@voltpay/logger';

export const log = createLogger({ name: 'admin' });
