import { createLogger } from '@voltpay/logger';
import { describe, expect, it } from 'vitest';
import { createTemporalLogger, temporalLogLevel } from './temporal-logger';

describe('the Temporal logger over pino', () => {
  it('writes the SDK’s lines as pino JSON lines, with their metadata as fields and the error serialised', () => {
    const lines: string[] = [];
    const logger = createTemporalLogger(createLogger({ name: 'worker', level: 'debug', destination: { write: (line: string) => void lines.push(line) } }));
    logger.info('Worker state changed', { sdkComponent: 'worker', state: 'RUNNING', [Symbol('ts')]: 1n });
    logger.log('WARN', 'Activity failed', { activityType: 'postToLedger', error: new Error('ledger down') });
    logger.trace('dropped below debug');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ level: 'info', name: 'worker', msg: 'Worker state changed', sdkComponent: 'worker', state: 'RUNNING' });
    expect(records[1]).toMatchObject({ level: 'warn', msg: 'Activity failed', activityType: 'postToLedger', err: { type: 'Error', message: 'ledger down' } });
  });

  it('maps LOG_LEVEL to the Runtime’s levels', () => {
    expect(temporalLogLevel('debug')).toBe('DEBUG');
    expect(temporalLogLevel('fatal')).toBe('ERROR');
    expect(temporalLogLevel('nonsense')).toBe('INFO');
  });
});
