// Ctrl-C in a terminal reaches every process of the foreground group, and npm and our bootstrap
// each forward it as well, so one key press arrives here several times. The first signal asks for
// an orderly stop; the rest are ignored (each service has a grace period, then is killed, so the
// stop cannot hang).
import { log } from '../local';

export const onStopRequest = (handler: (signal: NodeJS.Signals) => void) => {
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) {
      firstAt = Date.now();
      handler(signal);
    } else if (Date.now() - firstAt > 2_000) {
      log.warn('Already stopping; every service is killed if it does not stop within its grace period.');
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
};
