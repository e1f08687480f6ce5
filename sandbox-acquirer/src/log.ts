// The sandbox's log: the shared pino logger, named `sandbox-acquirer`. Card numbers and CVV2 never
// reach it: callers pass order ids, statuses and last-four digits only (and the logger's redaction
// is the net under them).
import { createLogger, type Logger } from '@voltpay/logger';

export type SandboxLog = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** `write` takes each JSON line instead of stdout (the tests read what the sandbox logged). */
export const createSandboxLog = (level: string = 'info', write?: (line: string) => void): SandboxLog =>
  createLogger({ name: 'sandbox-acquirer', level, ...(write ? { destination: { write } } : {}) });
