// The one logger of every process (STYLE 16): pino, one JSON line per event on stdout. The stack
// (`npm start`, `npm test`) pretty-prints its children's lines for people; production ships them
// to the log collector as they are.
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const satisfies readonly Level[];

/**
 * Values that never reach a log whoever passes them: card data, addresses, tokens and secrets.
 * Callers already log only ids, statuses and error kinds (see `describeError`); this is the net
 * under them, one level deep (pino's paths: `*.email` is any object's `email`).
 */
export const REDACTED_KEYS = ['email', 'token', 'password', 'secret', 'cardNumber', 'pan', 'cvv', 'cvv2', 'otp', 'authorization', 'cookie'] as const;
const REDACTED_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

export type CreateLoggerOptions = {
  /** The process or component: `web`, `admin`, `worker`, `sandbox-acquirer`, `stack`… */
  name: string;
  /** One of LOG_LEVELS or `silent`; defaults to LOG_LEVEL, then `info`. Anything else reads as `info`. */
  level?: string | undefined;
  /** Where the lines go; stdout by default. Tests pass a `{ write(line) }` that keeps them. */
  destination?: DestinationStream;
};

const levelOf = (level: string | undefined): Level | 'silent' =>
  level === 'silent' || (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as Level | 'silent') : 'info';

export const createLogger = ({ name, level = process.env.LOG_LEVEL, destination }: CreateLoggerOptions): Logger =>
  pino(
    {
      name,
      level: levelOf(level),
      // `"level":"warn"` rather than 40: what the hand-written JSON lines said, and what people grep for.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );

/**
 * What a log says of a failure: its kind and the first line of its message, never the rest (a
 * driver's message may quote the SQL and its parameters; a provider's, the address it refused).
 */
export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : typeof error);
