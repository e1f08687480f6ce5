import { describe, expect, it } from 'vitest';
import { createLogger, describeError } from './index';

const collect = (level?: string) => {
  const lines: string[] = [];
  const logger = createLogger({ name: 'test', level, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

describe('createLogger', () => {
  it('writes one JSON line per event, with the level as a word, the name and an ISO time', () => {
    const { logger, records } = collect();
    logger.warn({ code: 'NOT_FOUND', status: 404 }, 'api request failed');
    const [record] = records();
    expect(record).toMatchObject({ level: 'warn', name: 'test', msg: 'api request failed', code: 'NOT_FOUND', status: 404 });
    expect(new Date(String(record!.time)).toISOString()).toBe(record!.time);
  });

  it('drops what is below its level, and reads an unknown level as info', () => {
    const quiet = collect('warn');
    quiet.logger.info('hidden');
    quiet.logger.error('shown');
    expect(quiet.records().map((r) => r.msg)).toEqual(['shown']);
    const unknown = collect('loud');
    unknown.logger.debug('hidden');
    unknown.logger.info('shown');
    expect(unknown.records().map((r) => r.msg)).toEqual(['shown']);
  });

  it('never writes an address, a token or card data, at the top or one level down', () => {
    const { logger, records } = collect();
    logger.info({ email: 'resident@example.org', token: 'abc123', cvv2: '123', card: { pan: '4111111111111111' }, orderId: 'o-1' }, 'event');
    const line = JSON.stringify(records());
    for (const secret of ['resident@example.org', 'abc123', '"123"', '4111111111111111']) expect(line).not.toContain(secret);
    expect(records()[0]).toMatchObject({ email: '[redacted]', orderId: 'o-1', card: { pan: '[redacted]' } });
  });
});

describe('describeError', () => {
  it('says the kind and the first line only', () => {
    expect(describeError(new TypeError('bad thing\nSELECT * FROM payments WHERE email = $1'))).toBe('TypeError: bad thing');
    expect(describeError('a string')).toBe('string');
  });
});
