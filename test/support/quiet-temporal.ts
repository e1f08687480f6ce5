// Workers that tests create in-process log through Temporal's Runtime, into the same pino logger
// as the real worker: warnings and errors only, so a passing run stays readable (the default
// prints every webpack bundle).
import { Runtime } from '@temporalio/worker';
import { createTemporalLogger } from '@voltpay/activities/temporal-logger';
import { createLogger } from '@voltpay/logger';

Runtime.install({ logger: createTemporalLogger(createLogger({ name: 'test-worker', level: 'warn' })) });
