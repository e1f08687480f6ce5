// The Temporal SDK's logger (the Runtime's: worker lifecycle, activity and workflow `log`, and
// Core's native lines once forwarded) written through our pino logger, so the worker has one log.
import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Logger } from '@voltpay/logger';

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const satisfies Record<LogLevel, string>;

/** The Runtime's level for a LOG_LEVEL (the Runtime has no `fatal`; `silent` keeps errors only). */
export const temporalLogLevel = (level: string): LogLevel => {
  if (level === 'fatal' || level === 'silent') return 'ERROR';
  const upper = level.toUpperCase();
  return upper in PINO_LEVEL ? (upper as LogLevel) : 'INFO';
};

/**
 * Pino's fields for the SDK's metadata: its symbol keys (the timestamp in nanoseconds) dropped,
 * and an `error` moved to `err`, where pino's serializer keeps its type, message and stack.
 */
const fieldsOf = (meta: LogMetadata | undefined): Record<string, unknown> => {
  const { error, ...fields } = Object.fromEntries(Object.entries(meta ?? {})) as Record<string, unknown>;
  return error === undefined ? fields : { ...fields, err: error };
};

export const createTemporalLogger = (logger: Logger): TemporalLogger => {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => logger[PINO_LEVEL[level]](fieldsOf(meta), message);
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
};
