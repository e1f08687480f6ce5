// Workers that tests create in-process log through Temporal's Runtime: warnings and errors only,
// so a passing run stays readable (the default prints every webpack bundle).
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
